"""From a question to what answers it in the documents: the sentence to quote, or what is missing.

A question asking for something the vocabulary lists as not in the documents (``not_in_documents`` in
``knowledge/vocabulary.yaml``: a budget, salaries, people's names…) gets :class:`NotInDocuments` naming
it. Otherwise the best passages of the hybrid search are cut into their sentences (precomputed in the
index, with their vectors) and each sentence is scored by its similarity to the question (the same e5
model), the question's words it holds and its passage's rank; passages that miss a state or a year the
question names do not compete, nor sentences without a number for «¿cuántos…?». The chosen sentence
answers only if no word of the question names something the documents never mention, its passage is on
topic (:meth:`Searcher.confident`) and the passage holds enough of the question's content words
(:meth:`Answerer.support`). docs/retrieval.md has the numbers.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from knowledge.text import fold, spanish_date
from knowledge.vocabulary import mentions

from .analysis import content_words, tokens
from .passages import DOCUMENT_PASSAGE, Passage
from .search import Hit, Searcher, prepare_query
from .sentences import is_heading, is_verbatim

CANDIDATES = 5  # passages whose sentences compete
FOLLOWING = 2  # passages after a candidate searched when none of the candidates gives what is asked
WIDER, EXTRA = 10, 2  # how far down the ranking, and how many, passages holding a name the others miss
LEXICAL_WEIGHT = 0.1  # weight of the share of the question's words a sentence holds, beside its similarity
NAME_COST = 0.04  # what a passage without the question's names (by rarity) costs its sentences
RANK_WEIGHT = 0.01  # what each place down the passage ranking costs a sentence
LINK_BONUS = 0.05  # a sentence with a link, when the question asks for one («¿dónde la descargo?»)
HISTORICAL_COST = 0.03  # a passage whose figures a newer source replaced, unless the past is asked for
OLD_FIGURE_COST = 0.08  # the same, for a question about a figure: the newest is given, never an old one
TIE_DIGITS = 3  # sentence scores equal to this many decimals are a tie
MAX_ITEMS = 6  # items of a list quoted after the sentence that announces it («…a saber:»)
SHORT_PASSAGE = 300  # a verbatim passage this short is quoted whole
# share of a message's content words that, unknown to the documents, say it asks for something they lack
# (a long message may carry a few: «buenas noches, trabajo en el ayuntamiento…»)
UNKNOWN_SHARE = 0.2
# weight of a word said only before the question of a long message («en el municipio nos interesa saber…
# ¿qué sectores lo conforman?»): it sets the scene, the question after it says what is asked
PREAMBLE_WEIGHT = 0.25
# weight of the kind of thing asked for («¿qué sectores o actores lo conforman?»): the answer names its
# instances («gobierno, sociedad civil…») more often than the kind
KIND_WEIGHT = 0.3
MIN_SUPPORT = 0.25  # share (by rarity) of the question's content words the quoted passage must hold
MIN_PREFIX = 3  # a stem this long matches a word of the documents that starts with it («dur»: duración)
MIN_FUZZY, FUZZY_CUTOFF = 5, 0.85  # a word this long this close to a known word is a misspelling of it
USE_LEMMAS = True  # tell verb forms from names with spaCy's lemma table (docs/retrieval.md: its effect)
VERB_WEIGHT = 0.25  # a verb form weighs this much of a name in the support («¿se sumaron?»)
# Interrogatives and adverbs the stop words leave in (folded, and their stems): they ask, they do not
# name what is asked about.
QUESTION_WORDS = frozenset(
    [
        "ano",  # «¿en qué año…?» asks when
        "anio",
        "fech",  # «¿en qué fechas…?» asks when: the sentence must give a date (requirements), not the word
        "fecha",
        "fechas",
        "cuant",
        "cuanto",
        "cuantos",
        "cuanta",
        "cuantas",
        "xq",
        "ahora",
        "ahorit",
        "todavi",
        "todavia",
        "aun",
        "hoy",
        "actual",
        "actualment",
        "actualmente",
        "tambien",
        "solo",
        "siempr",
        "siempre",
        "nunca",
        "ademas",
        "entonc",
        "entonces",
        "buen",
        "bueno",
        "porfa",
        "favor",
        "hola",
        "oye",
        "dnd",  # donde
        "ahi",  # «¿y ahí mencionan…?» points at the document, it is not what is asked
        "alli",
        "alla",
        "aqui",
        "tan",  # «¿qué tan diversas…?»
        "otros",
        "otras",
        "pq",
        "porq",
        "deb",  # «¿quiénes deben integrarlo?»: must, would have to: they ask, they name nothing
        "deberi",
        "tendri",
        "expresion",  # «¿con qué expresión / qué término se caracteriza…?» asks for the documents' wording
        "expresiones",
        "termino",
        "terminos",
        "raiz",  # «a raíz de…» gives the cause the question sets, it names nothing
        "puro",  # «¿…o eso es puro cuento?» doubts, it names nothing
        "cuento",
    ]
)
_LINK = re.compile(r"https?://")
# «4. Disponible en: https://…», «Notas 1. Disponible en: …»: a footnote's link
_FOOTNOTE = re.compile(r"^\W*(?:notas?\s+)?\d{1,2}\.?\s+Disponible en\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_HOW_MANY = re.compile(r"\bcuant[oa]s\b")
_MONTHS = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
_MONTH_DAY = re.compile(rf"\b\d{{1,2}} de (?:{_MONTHS})\b")
# a communiqué's dateline, never quoted: place, date, number and the title in capitals («Ciudad de México,
# a 27 de marzo de 2018 INAI/083/18 AVANZA MÉXICO…»)
_DATELINE = re.compile(
    rf"\ba \d{{1,2}} de (?:{_MONTHS}) de \d{{4}}(?:\s+[A-Z]+/\d+/\d+)?(?:\s+[^a-záéíóúüñ]+)?\s*$"
)
_LINK_OR_ID = re.compile(r"https?://\S+|[A-Z]+/\d+/\d+")
_NOT_A_COUNT = re.compile(r"https?://\S+|[A-Z]+/\d+/\d+|\w+-\d+")  # links, ids (INAI/265/19), COVID-19
_CONTINUES = re.compile(r"^(Dich[oa]s?|Es[eo]s?|Est[ea]s?)\b")  # a sentence that needs the one before
# What kind of thing the question asks for, which the answering sentence must give (folded text).
_COUNTED = re.compile(r"\bcuant[oa]s\s+(\w+)")  # «¿cuántos miembros…?»: a number of members
_ASKS_DATE = re.compile(r"\b(?:cuando|que (?:dias?|fechas?)|en que (?:ano|anio))\b")
_ASKS_WHY = re.compile(r"\b(?:por que|por que razon|a que se debe)\b")
# «y ahí mismo porque dicen que…»: «porque» typed for «por qué» among the first words of a question
_OPENS_WHY = re.compile(r"^\W*(?:\w+\W+){0,3}?porque\b")
_ASKS_TIME = re.compile(r"\b(?:que hora|a que horas?|horarios?)\b")
_ASKS_PAGE = re.compile(r"\b(?:pagina|paginas|sitio|sitios|web|portal|micrositio|liga|link|enlace|url)\b")
_CITATION = re.compile(r"\bsegun (?:el|la|los|las) [^:;]*?\b(?:19|20)\d\d\b")  # «según el comunicado…, 2020»
_GIVES_DATE = re.compile(rf"\b(?:19|20)\d\d\b|\b(?:{_MONTHS})\b")
_GIVES_TIME = re.compile(r"\b\d{1,2}(?::\d\d| ?h(?:oras|rs)?\b)")
_CLAUSE = re.compile(r"\s+y\s+(?=(\w+))")  # «… y tiene PAL?»: a second question when a verb follows
_JOINED_IN = "ingreso:"  # passages composed from the states that joined in one year
_FIGURE = ("cifra:", "cifras:")  # passages composed from the national figures: they answer how many
_ASKS_FIGURE = re.compile(r"\b(?:cuant[oa]s?|numero|cifras?|total)\b")
_DETERMINERS = (
    "el|la|los|las|un|una|unos|unas|mi|mis|tu|tus|su|sus|este|esta|ese|esa|cada|del|al|nuestro|nuestra"
    "|estos|estas|esos|esas|otro|otra|otros|otras|algunos|algunas|varios|varias|nuestros|nuestras"
    "|con que"  # «¿con qué fundamento…?»: a name follows, not a verb
)
# «además del ejecutivo, ¿qué otros poderes…?»: what the question sets aside, which the answer need not name
_BESIDES = re.compile(
    r"\b(?:ademas|aparte|fuera|mas alla) de(?:l| la| los| las)? (\w+)|\b(?:excepto|salvo) (\w+)"
)
_KIND_ASKED = re.compile(
    r"(?:¿|\by\s)\s*(?:(?:en|de|con|a|por|para|bajo|sobre)\s+)?(?:que|cuales|cuantos|cuantas)\s+(\w+)"
    r"(?:\s+[oy]\s+(\w+))?"
)
# what a message asks, where it also sets the scene: its «¿…?» questions, and the questions it asks
# indirectly («nos interesa saber quiénes deben integrarlo»), up to a reason given after them («, pues…»)
_ASKED = re.compile(
    r"¿[^?]*\??|^[^¿?.!]*\?(?=\s+\w)"  # «…? los necesito para un mapa mental»: what follows is an aside
    r"|\b(?:saber|conocer|preguntar|consultar|entender|decir|indicar|explicar)\s+"
    r"(?:si|que|quien|quienes|cual|cuales|como|cuando|donde|cuanto|cuantos|cuanta|cuantas"
    r"|en que|de que|por que|para que)\b(?:(?!,\s*(?:pues|ya que|porque|dado que|debido a)\b)[^.;!?¿])*"
)
_ITEM = re.compile(r"\s*(?:[-•*]\s*)?(?:\(?\d{1,2}[).]|[a-z]\))\s")  # «1) La instalación…», «- 2. …»
_CLITIC = re.compile(r"(?:se(?:lo|la|los|las)?|me|te|nos|lo|la|los|las|le|les)$")


@dataclass(frozen=True)
class Quote:
    """What answers: the sentence(s) to lead with, from the passage of ``hit``."""

    hit: Hit
    sentences: tuple[str, ...]
    verbatim: bool  # the documents' own words (quoted «…»), not a passage composed from the facts
    whole: bool  # the passage is short and is quoted whole
    support: float  # share of the question's content words the passage holds

    @property
    def text(self) -> str:
        return self.hit.passage.text if self.whole else " ".join(self.sentences)


@dataclass(frozen=True)
class NotInDocuments:
    """The documents do not answer; ``topic`` is the ``not_in_documents`` entry of the vocabulary that
    names what they lack, when one does; ``unknown_words`` are the question's words no document uses."""

    topic: str | None = None
    unknown_words: tuple[str, ...] = ()


class Answerer:
    """Chooses the sentence that answers a question, or says that the documents do not answer it."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        index = searcher.index
        self._position = {p.id: at for at, p in enumerate(index.passages)}
        self._by_passage: dict[str, list[int]] = {}
        for i, sentence in enumerate(index.sentences):
            self._by_passage.setdefault(index.passages[sentence.passage].id, []).append(i)
        self._sentence_tokens = [frozenset(tokens(s.text)) for s in index.sentences]
        self._headings = frozenset(
            i for i, s in enumerate(index.sentences) if is_heading(s.text) or _DATELINE.search(s.text)
        )
        # a passage is read with its document's title («Segunda. Propiciar…» is a recommendation) and
        # date («¿qué convocó en marzo de 2018?»)
        self._passage_tokens = {
            p.id: frozenset(tokens(searcher.expand(f"{p.title} {p.text} {_date_words(p.date)}")))
            for p in index.passages
        }
        # whether a passage answers is judged with the paragraphs it goes on from: «Para mayor información
        # sobre el programa y registro al evento…» answers «¿dónde me registro a la cumbre?»
        self._support_tokens = dict(self._passage_tokens)
        before: Passage | None = None
        context: frozenset[str] = frozenset()
        for p in index.passages:
            context = (
                context | self._passage_tokens[before.id] if before and _continues(before, p) else frozenset()
            )
            self._support_tokens[p.id] |= context
            before = p
        self._last_weights: tuple[str, dict[str, tuple[float, bool]]] | None = None
        # the words that move along a list («la siguiente», «la anterior») ask the documents nothing alone
        moves = searcher.vocabulary.navigation.model_dump().values()
        self._moves = frozenset(stem for words in moves for word in words for stem in tokens(word))

    @cached_property
    def _document_frequency(self) -> Counter[str]:
        return Counter(t for words in self._passage_tokens.values() for t in words)

    @cached_property
    def _known_stems(self) -> frozenset[str]:
        return frozenset(self._document_frequency)

    @cached_property
    def _known_words(self) -> list[str]:
        """Every word (folded) of the documents, of the aliases people type and of the vocabulary,
        except the vocabulary's words for what the documents lack and for the assistant itself («robot»)."""
        kb = self.searcher.kb
        texts = [p.text for p in self.searcher.passages]
        texts += [alias for synonym in kb.synonyms for alias in synonym.aliases]
        texts += list(kb.state_names())
        texts += _strings(kb.vocabulary.model_dump(exclude={"not_in_documents", "to_the_assistant"}))
        return sorted({word for text in texts for word, _ in content_words(text)})

    @cached_property
    def _known_word_set(self) -> frozenset[str]:
        return frozenset(self._known_words)

    def _idf(self, word: str) -> float:
        n = len(self._passage_tokens)
        return math.log(1 + n / (1 + self._document_frequency.get(word, 0)))

    def _holds(self, words: frozenset[str], word: str) -> bool:
        """Whether ``word`` (a stem) is in ``words``, or shares its start with one of them."""
        if word in words:
            return True
        return len(word) >= MIN_PREFIX and any(
            w.startswith(word) or (len(w) > MIN_PREFIX and word.startswith(w) and len(word) - len(w) <= 2)
            for w in words
        )

    def content_words(self, question: str) -> list[str]:
        """The stems of the question's content words (its aliases spelt out), without repeats."""
        stems = tokens(self.searcher.expand(question))
        return [s for s in dict.fromkeys(stems) if s not in QUESTION_WORDS]

    def _weights(self, question: str) -> dict[str, tuple[float, bool]]:
        """Each content stem of the question that the documents use, with its weight (its rarity, less
        when the question uses it as a verb) and whether it is a verb. The names of the states it names
        are left out: :meth:`fits` checks them. The last question's are kept: one answer asks several
        times."""
        if self._last_weights is not None and self._last_weights[0] == question:
            return self._last_weights[1]
        weights = self._read_weights(question)
        self._last_weights = (question, weights)
        return weights

    def _read_weights(self, question: str) -> dict[str, tuple[float, bool]]:
        named = set(self.searcher.states_named(question))
        states = {
            stem
            for name, state in self.searcher.kb.state_names().items()
            if state.id in named
            for stem in tokens(name)
        }
        weights: dict[str, tuple[float, bool]] = {}
        folded = fold(question)
        aside = {word for match in _BESIDES.finditer(folded) for word in match.groups() if word}
        asked = _asked_part(folded)
        asked_stems = {stem for _, stem in content_words(asked)} if asked else set()
        kinds = {word for match in _KIND_ASKED.finditer(folded) for word in match.groups() if word}
        for word, stem in content_words(question):
            if (
                word in aside
                or stem in QUESTION_WORDS
                or stem in states
                or (stem.isdigit() and len(stem) < 3)
            ):
                continue  # «2», «3a»: an ordinal, spelt out by the expansion
            if not (self._holds(self._known_stems, stem) or stem in self._canonical):
                continue
            verb = self._is_verb(word) and not _names_here(word, folded)
            weight = self._idf(stem) * (VERB_WEIGHT if verb else 1.0)
            if asked and stem not in asked_stems:
                weight *= PREAMBLE_WEIGHT
            if word in kinds:
                weight *= KIND_WEIGHT
            if weight > weights.get(stem, (0.0, False))[0]:
                weights[stem] = (weight, verb)
        return weights

    def names_nothing(self, question: str) -> bool:
        """Whether the question names nothing the documents use but verbs («¿y cuándo iba a ser eso?»)."""
        return not self.names(question)

    def names(self, question: str) -> list[str]:
        """The stems of the question's words that the documents use, other than its verbs."""
        return [stem for stem, (_, verb) in self._weights(question).items() if not verb]

    def support(self, question: str, passage_id: str) -> float:
        """Share of the question's content words that the documents use, weighted by rarity, that the
        passage holds (1.0 when the question names nothing but states and verbs: «¿Colima participa?»)."""
        weighted = self._weights(question)
        if all(verb for _, verb in weighted.values()):
            return 1.0
        weights = {stem: weight for stem, (weight, _) in weighted.items()}
        return self._share(weights, self._support_tokens[passage_id])

    def coverage(self, question: str, text: str) -> float:
        """Share of the question's content words (by rarity, verbs weighing less) that ``text`` holds:
        how much of what is asked a reply speaks of."""
        weights = {stem: weight for stem, (weight, _) in self._weights(question).items()}
        return self._share(weights, frozenset(tokens(self.searcher.expand(text))))

    def beyond(self, question: str, overview: str, text: str) -> float:
        """Share of what the question asks that ``overview`` does not speak of (content stems, by weight;
        only the names among them when there are any: «para un oficio necesito citar el fundamento…») that
        ``text`` holds; 0.0 when the overview speaks of all of it."""
        said = frozenset(tokens(self.searcher.expand(overview)))
        # «…en su comunicado de recomendaciones?»: the kind of document names where, not what is asked
        said |= self._document_kinds
        left = {stem: found for stem, found in self._weights(question).items() if not self._held(said, stem)}
        names = {stem: weight for stem, (weight, verb) in left.items() if not verb}
        unsaid = names or {stem: weight for stem, (weight, _) in left.items()}
        return self._share(unsaid, frozenset(tokens(self.searcher.expand(text)))) if unsaid else 0.0

    @cached_property
    def _document_kinds(self) -> frozenset[str]:
        """The stems of the words that name a kind of document («comunicado», «material de formación»)."""
        kinds = self.searcher.kb.vocabulary.documents.kind_words
        return frozenset(stem for word in kinds for stem in tokens(word))

    def _share(self, weights: dict[str, float], held: frozenset[str]) -> float:
        """Share of ``weights`` (stems of a question, by weight) that the stems ``held`` hold; 1.0 when
        there are none."""
        total = sum(weights.values())
        if not total:
            return 1.0
        return sum(weight for stem, weight in weights.items() if self._held(held, stem)) / total

    def _has_word(self, held: frozenset[str], stem: str) -> bool:
        """Whether the passage holds a stem of the question as a word of its own, or the documents'
        wording of that alias («congresos» → poder legislativo)."""
        return stem in held or any(
            all(self._holds(held, s) for s in canonical) for canonical in self._canonical.get(stem, ())
        )

    def _held(self, held: frozenset[str], stem: str) -> bool:
        """Whether the passage holds a stem of the question, or the documents' wording of that alias
        («entidades» → estados, «stl» → secretariado técnico local)."""
        return self._holds(held, stem) or any(
            all(self._holds(held, s) for s in canonical) for canonical in self._canonical.get(stem, ())
        )

    @cached_property
    def _canonical(self) -> dict[str, list[tuple[str, ...]]]:
        """The stems of the documents' wording of each one-word alias, by the alias's stem."""
        found: dict[str, list[tuple[str, ...]]] = {}
        for synonym in self.searcher.kb.synonyms:
            for alias in synonym.aliases:
                stems = tokens(alias)
                if len(stems) == 1:
                    found.setdefault(stems[0], []).append(tuple(tokens(synonym.canonical)))
        return found

    def unknown(self, question: str) -> tuple[str, ...]:
        """Words of the question that name something no document mentions: not used by the documents
        (nor misspelt from a word they use), not a number, not a verb form (:mod:`index.lemmas`) and not
        an adverb in «-mente»."""
        found = []
        for word, stem in content_words(question):
            if stem.isdigit() or word in QUESTION_WORDS or stem in QUESTION_WORDS or len(word) < MIN_PREFIX:
                continue
            if word in self._known_word_set or self._holds(self._known_stems, stem) or self._misspelt(word):
                continue
            if self._is_verb(word) or word.endswith("mente"):  # «exactamente» names nothing
                continue
            found.append(word)
        return tuple(dict.fromkeys(found))

    def _is_verb(self, word: str) -> bool:
        """Whether ``word`` is a verb form, also with a pronoun attached («sumarse», «pásame»)."""
        if not USE_LEMMAS:
            return False
        forms = self.searcher.index.verb_forms
        base = _CLITIC.sub("", word)
        return word in forms or (len(base) >= MIN_PREFIX and base != word and base in forms)

    def requirements(self, question: str) -> list[Callable[[int], bool]]:
        """What a sentence (by index) must give to answer ``question``: a number of the thing counted
        («¿cuántos miembros…?» is not answered by «21 Secretariados»), a date («¿cuándo…?», not the date
        of the source it cites), a time of day, a link («¿cuál es su página?»)."""
        clauses = [self._clause_requirements(clause) for clause in self._clauses(fold(question))]
        if len(clauses) == 1:
            return clauses[0]
        # «¿cuándo se unió y tiene PAL?»: a sentence answers when it gives what one clause asks
        return [lambda i: any(all(check(i) for check in clause) for clause in clauses)]

    def _clauses(self, folded: str) -> list[str]:
        """The questions of ``folded``: cut at «y» when a verb or a question word follows it."""
        cuts = [
            m.start()
            for m in _CLAUSE.finditer(folded)
            if self._is_verb(m.group(1)) or m.group(1) in ("cuando", "cuantos", "cuantas", "donde", "que")
        ]
        return [folded[a:b] for a, b in zip([0, *cuts], [*cuts, len(folded)], strict=True)]

    def _clause_requirements(self, folded: str) -> list[Callable[[int], bool]]:
        texts = self.searcher.index.sentences
        checks: list[Callable[[int], bool]] = []
        if _HOW_MANY.search(folded):
            checks.append(lambda i: _has_count(texts[i].text))
            counted = self._counted(folded)
            if counted:
                checks.append(lambda i: self._held(self._sentence_tokens[i], counted))
        if _ASKS_DATE.search(folded):
            checks.append(lambda i: _gives_date(texts[i].text))
        if _ASKS_TIME.search(folded):
            checks.append(lambda i: bool(_GIVES_TIME.search(_LINK_OR_ID.sub(" ", texts[i].text))))
        if _ASKS_PAGE.search(folded):
            checks.append(lambda i: bool(_LINK.search(texts[i].text)))
        return checks

    def _counted(self, folded: str) -> str | None:
        """The stem of what «¿cuántos…?» counts (the noun right after it), or None."""
        match = _COUNTED.search(folded)
        if not match:
            return None
        word = match.group(1)
        found = content_words(word)
        if not found or word in QUESTION_WORDS or self.searcher.states_named(word):
            return None
        return found[0][1]

    def _misspelt(self, word: str) -> bool:
        """Whether ``word`` is a misspelling of a word the documents or the vocabulary use."""
        return len(word) >= MIN_FUZZY and bool(
            difflib.get_close_matches(word, self._known_words, n=1, cutoff=FUZZY_CUTOFF)
        )

    def fits(self, question: str, hit: Hit) -> bool:
        """Whether the passage is about, or names, every state the question names, and holds (or is
        dated in) every year it names: a national figure does not answer «¿cuántas OSC hay en
        Jalisco?», nor a figure of 2020 «¿cuántos había en 2018?»."""
        passage = hit.passage
        text = fold(passage.text)
        states = all(
            passage.subject == state or fold(self.searcher.state_name(state)) in text
            for state in self.searcher.states_named(question)
        )
        years = all(year in text or (passage.date or "").startswith(year) for year in _YEAR.findall(question))
        # «¿cuántos compromisos tiene Jalisco?»: a national count naming it among others is not its own
        national = bool(
            passage.subject is None
            and self.searcher.states_named(question)
            and _HOW_MANY.search(fold(question))
            and not passage.id.startswith("lista:")
        )
        # «¿cuántas entidades se han sumado?»: the states that joined in one year answer only for that year
        # (or for a state among them)
        one_year = passage.id.startswith(_JOINED_IN) and not (
            self.searcher.states_named(question) or passage.id.removeprefix(_JOINED_IN) in question
        )
        return states and years and not national and not one_year

    def _score_sentences(self, question: str, hits: list[Hit]) -> list[tuple[float, int, int]]:
        """(score, sentence index, hit rank) of every sentence of ``hits``, best first."""
        vector = self.searcher.query_vector(question)[0]
        words = self.content_words(question)
        weights = {w: self._idf(w) for w in words}
        total = sum(weights.values()) or 1.0
        asks_link = self.searcher.vocabulary.asks_link(question)
        past = self.searcher.vocabulary.asks_past(question)
        checks = self.requirements(question)
        names = {stem: weight for stem, (weight, verb) in self._weights(question).items() if not verb}
        figures = bool(_ASKS_FIGURE.search(fold(question))) and self._names_a_figure(question)
        scored = []
        for rank, hit in enumerate(hits):
            if not self.fits(question, hit) or (hit.passage.id.startswith(_FIGURE) and not figures):
                continue
            ids = [
                i
                for i in self._by_passage.get(hit.passage.id, [])
                if i not in self._headings
                and all(check(i) for check in checks)
                # a footnote's link answers only a question for a link («los 4 que se sumaron» is no note)
                and (asks_link or not _FOOTNOTE.search(self.searcher.index.sentences[i].text))
            ]
            similarity = self.searcher.index.sentence_vectors[ids] @ vector if ids else np.zeros(0)
            unnamed = 1 - self._share(names, self._passage_tokens[hit.passage.id])
            prior = -RANK_WEIGHT * rank - NAME_COST * unnamed
            if hit.passage.historical and not past:
                prior -= OLD_FIGURE_COST if figures else HISTORICAL_COST
            for sentence_id, dense in zip(ids, similarity, strict=True):
                held = self._sentence_tokens[sentence_id]
                lexical = sum(wt for w, wt in weights.items() if self._holds(held, w)) / total
                link = (
                    LINK_BONUS
                    if asks_link and _LINK.search(self.searcher.index.sentences[sentence_id].text)
                    else 0
                )
                score = float(dense) + LEXICAL_WEIGHT * lexical + prior + link
                scored.append((score, sentence_id, rank))
        # scores this close are a tie (the 4-bit model's vectors differ by ~1e-4 between machines): the
        # better-ranked passage wins it, so every machine quotes the same sentence
        return sorted(scored, key=lambda item: (-round(item[0], TIE_DIGITS), item[2], item[1]))

    def _names_a_figure(self, question: str) -> bool:
        """Whether the question names one of the national figures («¿cuántos planes…?»; not «¿cuánto dura
        la sesión?»): only then do the passages composed from the figures answer it."""
        words = [w for metric in self.searcher.kb.figures.metrics.values() for w in metric.words]
        return mentions(words, self.searcher.expand(question))

    def best_sentence(self, question: str, hits: list[Hit]) -> tuple[int, int] | None:
        """(sentence index, hit rank) of the sentence that best answers ``question`` among ``hits``."""
        scored = self._score_sentences(question, hits)
        return (scored[0][1], scored[0][2]) if scored else None

    def answer(self, question: str, within: Collection[str] = ()) -> Quote | NotInDocuments:
        """The sentence(s) that answer ``question``, or what the documents lack (raises EmptyQuery); from
        the sources ``within`` when the question names them («…según el material de formación») and they
        have a passage on it."""
        text = prepare_query(question, self.searcher.settings.max_query_chars)
        missing = self.searcher.vocabulary.missing(text)
        if missing:
            return NotInDocuments(missing)
        if set(self.content_words(text)) <= self._moves:  # «¿y la siguiente?»: no topic to move along
            return NotInDocuments()
        ranked = self.searcher.search(text, k=len(self.searcher.index.passages) if within else WIDER)
        named = [hit for hit in ranked if hit.passage.source in within]
        hits = self._candidates(text, (named or ranked)[:WIDER])
        best = self.best_sentence(text, hits)
        if best is None:  # «¿cuál era la liga para el registro de la cumbre?»: no link in the first passages;
            # the passage that follows one found may give it («…consulte el siguiente sitio: http://…»)
            after = [
                Hit(p, 0.0)
                for h in hits[:CANDIDATES]
                for step in range(1, FOLLOWING + 1)
                if (p := self.beside(h.passage.id, step)) is not None
            ]
            seen = {h.passage.id for h in hits}
            hits = hits + list({h.passage.id: h for h in after if h.passage.id not in seen}.values())
            best = self.best_sentence(text, hits)
        if best is None:
            return NotInDocuments()
        sentence_id, rank = best
        hit = hits[rank]
        unknown = self.unknown(_asked_part(fold(text)) or text)  # not the scene it sets, nor an aside
        if unknown and len(unknown) >= UNKNOWN_SHARE * len(content_words(text)):
            return NotInDocuments(unknown_words=unknown)
        support = self.support(text, hit.passage.id)
        # a question asked of a document it names or points at («¿y ahí mencionan algún compromiso…?») is
        # about the documents, when it names something they use
        names = any(not verb for _, verb in self._weights(text).values())
        on_topic = (bool(named) and names) or self._on_topic(text, hits, sentence_id)
        if not on_topic or support < MIN_SUPPORT:
            return NotInDocuments()
        why = _ASKS_WHY.search(fold(text)) or _OPENS_WHY.match(fold(text))
        return self._quote(hit, sentence_id, support, why=bool(why))

    def _candidates(self, question: str, ranked: list[Hit]) -> list[Hit]:
        """The first ``CANDIDATES`` passages of ``ranked``, and after them up to ``EXTRA`` more that hold
        a name the question uses and none of the first holds: «¿en qué sesión se aprobaron?» is answered
        by the one passage that speaks of the session, which the word «recomendaciones» ranks below the
        four recommendations."""
        hits = ranked[:CANDIDATES]
        weighted = self._weights(question)
        weights = {stem: weight for stem, (weight, _) in weighted.items()}
        held = [self._passage_tokens[h.passage.id] for h in hits]
        names = [stem for stem, (_, verb) in weighted.items() if not verb]
        # the very word (or the documents' wording of it), not one it starts: «común» is not in «comunicado»
        missing = [stem for stem in names if not any(self._has_word(words, stem) for words in held)]
        more = [
            h
            for h in ranked[CANDIDATES:]
            if any(self._has_word(self._passage_tokens[h.passage.id], stem) for stem in missing)
        ]
        more.sort(key=lambda h: self._share(weights, self._passage_tokens[h.passage.id]), reverse=True)
        return hits + more[:EXTRA]

    def _on_topic(self, question: str, hits: list[Hit], sentence_id: int) -> bool:
        """Whether the question is about what the documents say (:meth:`Searcher.confident`, by the best
        of the candidate passages on each side and the chosen sentence's own similarity): the support and
        what the question asks for (:meth:`requirements`) then decide whether the sentence answers."""
        if not hits:
            return False
        sentence = float(
            self.searcher.index.sentence_vectors[sentence_id] @ self.searcher.query_vector(question)[0]
        )
        dense = max([h.dense for h in hits if h.dense is not None] + [sentence])
        bm25 = max(h.bm25 or 0.0 for h in hits)
        return self.searcher.confident(Hit(hits[0].passage, hits[0].score, dense, bm25))

    def _quote(self, hit: Hit, sentence_id: int, support: float, why: bool = False) -> Quote:
        """The chosen sentence, with the next one when it needs it («Dicho Secretariado…») or when the
        question asks why (the documents give the reason after what they state)."""
        ids = self._by_passage[hit.passage.id]
        sentences = [self.searcher.index.sentences[i].text for i in ids]
        at = ids.index(sentence_id)
        chosen = sentences[at : at + 1]
        if at + 1 < len(sentences) and (why or _CONTINUES.match(sentences[at + 1])):
            chosen.append(sentences[at + 1])
        verbatim = is_verbatim(hit.passage)
        whole = not verbatim or len(hit.passage.text) <= SHORT_PASSAGE
        items = (
            self._items_after(hit.passage)
            if chosen[-1].endswith(":") and at + len(chosen) == len(ids)
            else []
        )
        if items:  # «…a saber:» and the list that follows it
            lead = sentences[: at + len(chosen)] if whole else chosen
            return Quote(hit, (*lead, *items), verbatim, False, support)
        return Quote(hit, tuple(chosen), verbatim, whole, support)

    def beside(self, passage_id: str, step: int) -> Passage | None:
        """The passage ``step`` places after (or, negative, before) ``passage_id`` in its document; None
        past either end, or for a passage the index does not hold."""
        passages = self.searcher.index.passages
        at = self._position.get(passage_id)
        if at is None or not 0 <= at + step < len(passages):
            return None
        found = passages[at + step]
        own = found.id.startswith(f"{passages[at].source}{DOCUMENT_PASSAGE}")  # not a fact composed from it
        return found if found.source == passages[at].source and own else None

    def _items_after(self, passage: Passage) -> list[str]:
        """The items of the list that follows a passage ending in «:» in its document (their first
        sentences, «1) La instalación de un Secretariado…»)."""
        passages = self.searcher.index.passages
        items = []
        for following in passages[
            self._position[passage.id] + 1 : self._position[passage.id] + 1 + MAX_ITEMS
        ]:
            if following.source != passage.source or not _ITEM.match(following.text):
                break
            first = self._by_passage.get(following.id, [])
            items.append(self.searcher.index.sentences[first[0]].text if first else following.text)
        return items


def _asked_part(folded: str) -> str | None:
    """What a message that also sets the scene asks («Trabajo en el ayuntamiento. ¿Qué…?»: «¿Qué…?»);
    None when all of it asks, or it asks nothing it can tell."""
    asked = " ".join(match.group(0) for match in _ASKED.finditer(folded))
    return asked if asked and len(asked) < len(folded.strip()) * 0.9 else None


def _strings(value: object) -> list[str]:
    """Every string inside nested dicts and lists."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _continues(before: Passage, passage: Passage) -> bool:
    """Whether ``passage`` is a short paragraph of a document that goes on from ``before``."""
    return (
        is_verbatim(passage)
        and before.source == passage.source
        and is_verbatim(before)
        and len(passage.text) <= SHORT_PASSAGE
    )


def _names_here(word: str, folded: str) -> bool:
    """Whether ``word`` names something where the question uses it, whatever its verb forms: after an
    article or a possessive («mi estado», «el módulo»), or before a number («módulo 2», «sesión 3»)."""
    word = re.escape(word)
    return bool(re.search(rf"\b(?:{_DETERMINERS})\s+{word}\b|\b{word}\s+\d", folded))


def _has_count(sentence: str) -> bool:
    """Whether a sentence gives a number of something: a figure that is not a date, a year, a link or an
    id. «¿Cuántos…?» is answered only by such a sentence."""
    text = _MONTH_DAY.sub(" ", fold(_NOT_A_COUNT.sub(" ", sentence)))
    return any(not _YEAR.fullmatch(number) for number in re.findall(r"\b\d+\b", text))


def _gives_date(sentence: str) -> bool:
    """Whether a sentence gives a date or a year of what it says: not in a link or an id, and not the
    date of the source a composed passage cites («…, según el comunicado INAI/265/19, 14 de agosto de
    2020»)."""
    return bool(_GIVES_DATE.search(_CITATION.sub(" ", fold(_LINK_OR_ID.sub(" ", sentence)))))


def _date_words(date: str | None) -> str:
    """An ISO date in words («27 de marzo de 2018»), or nothing."""
    return spanish_date(dt.date.fromisoformat(date)) if date else ""
