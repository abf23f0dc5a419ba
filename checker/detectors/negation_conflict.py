"""CC107 negation-conflict: a statement and its negation (or its opposite: 'banning' / 'endorsing')
about the same subject and predicate."""

from __future__ import annotations

from collections.abc import Iterator

from checker.detectors import Context, Detector
from checker.detectors._common import pair_severity, pairs_across_sentences, quote
from checker.extract.polarity import contrary, same_claim
from checker.model import Finding, Modality, Severity, Statement


def opposed(a: Statement, b: Statement) -> bool:
    """A statement and its denial: opposite polarity, the same claim (predicate, subject, object,
    compatible scope), and neither only supposed ('if it was never recalled')."""
    if a.negated == b.negated or a.frame is None or b.frame is None:
        return False
    if Modality.HYPOTHETICAL in (a.frame.modality, b.frame.modality):
        return False
    return same_claim(a, b)


def run(context: Context) -> Iterator[Finding]:
    statements = context.claims.statements
    reported: set[int] = set()
    for first, second in pairs_across_sentences(statements):
        if first.sentence in reported:
            continue
        if opposed(first, second):
            negated = first if first.negated else second
            denied = "said not to be known" if negated.unknown else "denied"
            message = f"the same statement is made and {denied} ('{context.document.quote(negated.negation)}')"
        elif _contrary(first, second, context):
            message = (
                f"'{first.frame.predicate}' here but its opposite '{second.frame.predicate}' later, "
                "of the same parties at the same time"
            )
        else:
            continue
        reported.add(first.sentence)
        severity, note = pair_severity(DETECTOR.severity, first.speaker, second.speaker)
        yield DETECTOR.finding(
            message + note, quote(context, first.span), (quote(context, second.span),), severity=severity
        )


def _contrary(a: Statement, b: Statement, context: Context) -> bool:
    """Two affirmed statements of opposite predicates ('is banning the app' / 'is endorsing the
    app'), neither only supposed."""
    if a.frame is None or b.frame is None or Modality.HYPOTHETICAL in (a.frame.modality, b.frame.modality):
        return False
    return contrary(a, b, context.vocab)


DETECTOR = Detector(
    code="CC107",
    name="negation-conflict",
    severity=Severity.WARNING,
    summary="A statement and its negation (or its opposite) are both made about the same subject and predicate.",
    description=(
        "Each clause is read as a frame: its predicate (the verb's lemma, or its class in the rules' "
        "`predicates` lines), its subject and object (a passive clause's subject is an active one's object), "
        "and its polarity (a `neg` dependent such as 'not', 'never', or a negation word of the rules; 'not "
        "only' denies nothing). A clause that a negated word of the rules' `unknown` list governs is said not"
        " to be known ('it is not known whether the mayor resigned'), and so is the value of a passive "
        "subject of one ('the author of the novel is not named'), set against an identity ('the author of the"
        " novel is Jane Roe'). After 'be', a noun is the predicate and the words narrowing it are compared "
        "('not a real mountain' is not denied by 'a fictional mountain'). Two clauses in different sentences "
        "with the same predicate, the same subject and object where both name them, no different place or "
        "time, and opposite polarity are reported: 'the company recalled the model' against 'the model was "
        "never recalled'. A pronoun subject stands for the nearest subject before it of its number that it can "
        "name ('he' no entity but a person, 'it' no person; the first after it when none comes before), and "
        "a clause of it is compared when it names the very same arguments. Hypothetical clauses ('if') are "
        "not compared. Two affirmed clauses of opposite predicates (the rules' `predicates ... opposite ...`"
        " lines: 'ban' and 'allow', 'support' and 'oppose') say the contrary when they name the same "
        "parties, in the present or the future or at a past time both name, with the same content words "
        "besides the predicates: 'the government is banning the app' against 'the government is endorsing "
        "the app', not 'banned on government phones' against 'allowed on personal phones'."
    ),
    fires=(
        "All agreements on humanitarian issues have been fulfilled. Yet the agreement on humanitarian "
        "issues has not been fulfilled, aid groups say.",
        "The museum accepted the donated painting in 2010. The museum never accepted the donated painting.",
        "The company recalled the model in June. The model was never recalled, the company insists.",
        "It is not known whether the mayor resigned. The mayor resigned in May.",
        "The author of the novel is not named in the report. The author of the novel is Jane Roe.",
        "Oman is opening its airspace to Israeli carriers. It is not opening its airspace to Israeli carriers.",
        "The government is banning the app on official phones. The government is endorsing the app on official phones.",
    ),
    quiet=(
        "The museum accepted the donated painting. The gallery did not accept any sculptures.",
        "The agreement on prisoners has been fulfilled. The agreement on grain exports has not been signed.",
        "The company recalled the new model in June. The company never recalled the older model.",
        "If the model was never recalled, buyers were lucky. The company recalled the model in June.",
        "The author of the novel is not named. The author of the poem is Jane Roe.",
        "The peak is not a real mountain. The peak is a fictional mountain in a novel.",
        "Ernst Lubitsch was the director of the film. Ernst Lubitsch was not only the director of the film.",
        "Rod Stewart won a Grammy award. The drummer said he had never won a Grammy award.",
        "The minister visited the refugee camp in the north last year. The minister did not visit the refugee "
        "camp in the north this year.",
        "The museum opened in 1950. The museum has closed for good.",
        "The shop opens at nine on weekdays. The shop closes at five on weekdays.",
        "The mayor supports the bypass. The governor opposes the bypass.",
    ),
    run=run,
)
