"""Who said what: attributed claims in Persian news, with the outlet, the speaker and the evidence span.

:func:`extract_claims` gives one row per claim (:data:`COLUMNS`); :func:`provenance` an article's relay chain.
How the rules work and where they depart from the scheme: the user guide, *Claims and comparison*.

>>> extract_claims("به گزارش ایسنا، وزیر نفت گفت: تولید ثابت است.")[["outlet", "speaker", "content"]].values.tolist()
[['ISNA', 'وزیر نفت', 'تولید ثابت است']]
"""

# The public names, and what other code reads from here: the cue tables (benchmarks/stance.py), the word lists,
# and the scanners that tests/test_claims.py checks against the regexes they replace.
from toolkit.claims.chain import provenance
from toolkit.claims.cues import CLAUSE_CUES as CLAUSE_CUES
from toolkit.claims.cues import PREFIX_CUES as PREFIX_CUES
from toolkit.claims.cues import VERB_CUES as VERB_CUES
from toolkit.claims.extractor import COLUMNS, extract_claims
from toolkit.claims.outlets import _outlet_words_start as _outlet_words_start
from toolkit.claims.text import _W as _W
from toolkit.claims.text import _after_clause_end as _after_clause_end
from toolkit.claims.text import _and_at_end as _and_at_end
from toolkit.claims.text import _Leads as _Leads
from toolkit.claims.words import _OPENERS as _OPENERS
from toolkit.claims.words import PRONOUNS as PRONOUNS
from toolkit.sources import OUTLET_WORDS as OUTLET_WORDS

__all__ = ["COLUMNS", "extract_claims", "provenance"]
