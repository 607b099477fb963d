"""The record of one claim while an article is read (:class:`_Claim`), before it becomes a row."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class _Claim:
    cue: str
    cue_start: int
    mode: str
    content: tuple[int, int]
    sentence: tuple[int, int]
    speaker: str = ""
    kind: str = "name"  # name, pronoun, anaphor, zero, outlet, none
    subject_outlet: tuple[str, bool] | None = None
    interview: tuple[str, bool] | None = None
    relay: list[tuple[str, bool]] = field(default_factory=list)
    entity: int = -1
    outlet: tuple[str, bool] = ("", False)
    nested: bool = False  # inside another claim's quotation, or a relative clause: not an antecedent
    clauses: list = field(default_factory=list)  # the clause cues («با بیان اینکه …») said with this verb
    co_outlets: tuple = ()  # «رویترز و نووستی گزارش دادند»: the outlets after the first, one claim each
