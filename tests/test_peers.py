"""Conformance with other Persian normalizers' own test cases (../shared/peer_cases).

Prints the pass rate per peer. Fails only when a case listed in ``peer_agreed.txt`` — a case whose
expected output our documented conventions agree with — stops passing. The README lists the
deliberate differences (kept diacritics, kept repeated letters, no quote conversion, …).
"""

import pytest

from toolkit import normalize

from . import peers

pytestmark = pytest.mark.skipif(not peers.PEER_DIR.exists(), reason="needs ../shared/peer_cases")


def test_peer_cases(capsys):
    results = peers.run(normalize)
    with capsys.disabled():
        print(
            "\npeer normalizer cases passed:",
            ", ".join(f"{t} {ok}/{n}" for t, (ok, n) in peers.summary(results).items()),
        )
    agreed = set(peers.AGREED.read_text().split())
    broken = [c["case_id"] for c, _, ok in results if c["case_id"] in agreed and not ok]
    assert not broken, f"agreed peer cases now fail: {broken}"
