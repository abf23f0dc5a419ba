"""CC106 role-conflict: one person given incompatible roles, or one role given to two people."""

from __future__ import annotations

from collections.abc import Iterator

from checker.detectors import Context, Detector
from checker.detectors._alignment import narrowing
from checker.detectors._common import pair_severity, pairs_across_sentences, quote
from checker.model import Finding, Severity

_MIN_ROLE_WORDS = 2


def person_key(context: Context, holder: str) -> str:
    """Rule-file aliases first ('Umerov' is 'Rustem Umerov'), else the surname."""
    for entity in context.vocab.ruleset.entities:
        names = {entity.name.value.lower(), *(a.value.lower() for a in entity.aliases)}
        if holder.lower() in names:
            return entity.name.value
    return holder.split()[-1].lower()


def _same_holder(context: Context, first: str, second: str) -> bool:
    """One person (or body) under two names: the same key, or one name's words all in the other
    ('Louis Marie' in 'Louis Marie Tessier', 'Halifax' in 'Halifax Regional Municipality')."""
    if person_key(context, first) == person_key(context, second):
        return True
    words_first, words_second = set(first.lower().split()), set(second.lower().split())
    return words_first <= words_second or words_second <= words_first


def _abbreviated(first: str, second: str) -> bool:
    """One role names its owner by the initials of the other's words ('TUC general secretary',
    'Trades Union Congress general secretary'): the same role."""
    for short, long in ((first, second), (second, first)):
        capitals = [w for w in long.replace("-", " ").split() if w[:1].isupper()]
        initials = {
            "".join(w[0] for w in capitals[i:j]) for i in range(len(capitals)) for j in range(i + 2, len(capitals) + 1)
        }
        if any(w.isupper() and len(w) > 1 and w in initials for w in short.split()):
            return True
    return False


def run(context: Context) -> Iterator[Finding]:
    mentions = [
        m
        for m in context.claims.roles
        if m.unique and not m.former and m.named and len(m.role_words) >= _MIN_ROLE_WORDS
    ]
    for first, second in pairs_across_sentences(mentions):
        if first.tense and second.tense and first.tense != second.tense:
            continue  # 'the chief executive is X' / 'was Y': a role passes from one holder to the next
        same_person = _same_holder(context, first.holder, second.holder)
        if not same_person and first.role_words == second.role_words:
            problem = f"'{first.role}' is given to {first.holder} here and to {second.holder} later"
        elif first.tense or second.tense:
            continue  # 'X is the author of A' and 'of B': a copula's role need not be one's only
        elif (
            same_person
            and first.head == second.head
            and not narrowing(first.role_words, second.role_words)
            and not _abbreviated(first.role, second.role)
        ):
            problem = f"{first.holder} is '{first.role}' here but '{second.role}' later"
        else:
            continue
        # Appositives and 'led by' phrases are the author's own words, even inside a quoted
        # sentence, so a role conflict is lowered for coming from two sources only when a side
        # is a source's own statement ('"The chairman is Anna Berg," he said').
        severity, note = DETECTOR.severity, ""
        if first.tense or second.tense:
            severity, note = pair_severity(DETECTOR.severity, first.speaker, second.speaker)
        yield DETECTOR.finding(
            problem + note,
            quote(context, first.span),
            (quote(context, second.span),),
            severity=severity,
        )


DETECTOR = Detector(
    code="CC106",
    name="role-conflict",
    severity=Severity.WARNING,
    summary="One person is given incompatible roles, or one role is given to two people at once.",
    description=(
        "Roles come from 'led by X', 'headed by X', 'represented by X', appositives ('X, the defence "
        "minister,'), titles before a name that one person holds at a time (the rules' `titles`), "
        "with what they belong to ('Daily Courier editor Martin Hale'), and copulas ('The producer of "
        "The Lantern is X', 'X was the producer of The Lantern'; the rules' `role-copulas`). A role named with "
        "'the' (or by a 'led by' cue, or such a title) has one holder: two different people holding it "
        "is a conflict; names whose words one holds the other's are one person ('Halifax', 'Halifax "
        "Regional Municipality'). A copula's role is compared only at the same tense ('is' / 'was': a "
        "role passes on), not in a dated clause, and a source's statement against the author's is "
        "lowered as in the other checks. One person given two roles with the same head word but "
        "different specifics ('defence minister', 'foreign minister') is a conflict too (of "
        "appositives, cues and titles, not copulas: 'X is the author of A', 'of B'), unless one says "
        "more of the other ('foreign minister', 'Russian foreign minister'). Roles marked 'former', "
        "'outgoing' or 'acting', roles named with 'a' ('a spokesman'), and titles owned by a pronoun "
        "('his manager') or by nothing ('Foreign Minister X') are not compared."
    ),
    fires=(
        "The Ukrainian delegation, led by Rustem Umerov, arrived on Monday. The Ukrainian delegation, led "
        "by Andriy Yermak, met the mediators.",
        "Anna Berg, the defence minister, spoke first. Later Anna Berg, the foreign minister, left early.",
        "The producer of The Lantern is Nina Maro. The producer of The Lantern is Rudy Rice.",
        "Daily Courier editor Martin Hale paid tribute. The Daily Courier editor John Wade had hired him.",
        "Sweden's foreign minister, Margit Wallin, spoke first. Swedish foreign minister Carl Brandt left.",
    ),
    quiet=(
        "John Smith, a spokesman for the company, declined to comment. Jane Doe, a spokesman for the "
        "company, confirmed the figures.",
        "Anna Berg, the former defence minister, spoke first. Later Anna Berg, the foreign minister, left.",
        "Anna Berg, the chief executive of Acme, spoke. Anna Berg, the chair of Acme, agreed.",
        "Tim Berg, the editor of Gadget Monthly Magazine, spoke. Later Tim Berg, the editor of Gadget Monthly, agreed.",
        "The chief executive of Acme is Anna Berg. The chief executive of Acme was Tim Lind.",
        "Nicholas Lind is the author of The Dancer. Nicholas Lind is the author of Memorial.",
        "The author of Voyage is Louis Marie Tessier. The author of Voyage is Louis Marie.",
        "Daily Courier editor Martin Hale paid tribute. Daily Courier political editor Tim Shaw wept.",
        "Sweden's foreign minister Margit Wallin spoke. Sweden's former foreign minister Carl Brandt left.",
        "Foreign Minister Sergei Lavrov spoke. Foreign Minister John Kerry left.",
        "Her campaign manager Anna Berg spoke. His campaign manager John Smith left.",
        "Foreign Minister Sergei Lavrov spoke. Russian Foreign Minister Sergei Lavrov left.",
        "TUC general secretary Frances Lind spoke. Trades Union Congress general secretary Frances Lind left.",
        "Prince William, the son of King Charles, spoke. Prince Harry is the son of King Charles.",
        "Google vice president John Smith spoke. Google vice president Jane Doe left.",
        "Tim Lind is the chief executive of Acme. Next year the chief executive of Acme will be Anna Berg.",
    ),
    run=run,
)
