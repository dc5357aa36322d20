"""Actions about states: one state's status (with its form) and lists of states."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.context import followup_answer
from answers.figure_questions import asked_figure
from answers.figures import metric_of, national_only, national_only_answer, year_of
from answers.questions import asks_as_of, period_of, question_parts
from answers.recommendations import all_recommendations_answer, recommendation_answer, recommendation_named
from answers.sources import source_scene
from answers.state_followups import cohort_of, counts_them_again, of_the_country
from answers.states import (
    affirmed,
    first_listed_answer,
    joined_in_answer,
    list_answer,
    list_reply,
    lists_not_why,
    members_answer,
    no_later_lists,
    not_why,
    participants_answer,
    state_from,
    status_after_documents,
    status_answer,
    status_in_year,
    status_then_and_now,
    undated_answer,
    undated_joining_answer,
    undated_list_answer,
    years_answer,
)
from answers.topic import STATES_SEPARATOR, Topic
from knowledge import KnowledgeBase
from knowledge.vocabulary import before_aside, mentions, question_sentence, without

from . import resources
from .base import AnswerAction, answer, opinion_refused
from .figures import figures_reply
from .readers import (
    CONTEXT_MAX_WORDS,
    MAX_STATES_AT_ONCE,
    and_then,
    any_intent,
    computed,
    declined,
    each_part,
    from_documents,
    in_context,
    refused,
    undated_years_reply,
)
from .reread import reread
from .turn import (
    Reply,
    dated_as_before,
    entity_of,
    intent_of,
    previous_question,
    remember,
    text_of,
    topic_of,
    with_text,
)


def of_the_same_year(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Qué otras entidades se sumaron el mismo año que Sonora?», «¿quién más ese año?» after a state: the
    states that joined the year that state did (the question engine, for a further condition), not that
    state's status; «¿y al año siguiente?» after a state: those of the next year; None otherwise."""
    text = text_of(tracker)
    # «los q entraron con edomex cuales tienen plan»: those of its year, further filtered
    cohort_words = [*kb.vocabulary.conditions.same_year, *kb.vocabulary.conditions.along_with]
    if mentions(cohort_words, text) and (found := computed(kb, tracker)) is not None:
        return found
    named = resources.state_finder().find(text)
    topic = topic_of(tracker)
    if len(named) == 1:
        state = kb.state(named[0].replace("-", " "))
    else:
        state = kb.state(topic.key) if topic is not None and topic.kind == "estado" and not named else None
    cohort = cohort_of(kb, state, text) if state is not None else None
    return (cohort[0], [remember(cohort[1])]) if cohort is not None else None


def counted_and_named(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Cuántos STL hay y está Michoacán entre ellos?»: the national figure, then the state's status;
    None when the message does not ask both."""
    text = text_of(tracker)
    topic = topic_of(tracker)
    # «¿Y cuántos hay ahorita y en qué estados? ¿o sea que Nayarit no tiene?» right after what an STL is
    followed = topic is not None and topic.kind in ("definicion", "cifra", "lista")
    carried = topic.key.partition("@")[0] if topic and followed else None
    named = metric_of(kb, text)
    which_states = kb.vocabulary.figure_questions.which_states
    listed = mentions(which_states, text)
    # «…en qué estados?» names the states only as where they are, unless they are counted too
    where = named == "estados" and listed and metric_of(kb, without(which_states, text)) is None
    metric = carried if named is None or where else named
    among = mentions(kb.vocabulary.context.among_them, text) or text.count("?") > 1
    if not (among and metric in ("stl", "pal") and (kb.vocabulary.asks_count(text) or listed)):
        return None
    status = state_reply(kb, tracker)
    if status is None:
        return None
    if not listed:
        return f"{asked_figure(kb, text, metric)[0]}\n{status[0]}", status[1]
    # the list asked first stays the topic: «¿y antes cuántos eran?» may follow
    year = year_of(text)
    kept = [event for event in status[1] if event.get("name") != "tema"]
    listing = Topic.dated("lista", metric, year)
    return f"{list_answer(kb, metric, year)}\n{status[0]}", [*kept, remember(listing)]


def state_reply(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """The status of the state the message names (else the one in the ``estado`` slot), in the aspect
    the message asks about; of each, one a line, when it names a few; None when no state is known yet.
    The message comes first: NLU may miss a misspelt or abbreviated name («chiguagua», «qroo») and leave
    the last state in the slot."""
    text = text_of(tracker)
    named = resources.state_finder().find(text)
    placed = resources.state_finder().find(kb.vocabulary.without_neighbours(text))
    # «aver oaxaca que es vecino de chiapas desde cuando esta…»: the one asked; not «Aquí junto a Tamaulipas
    # tenemos a Nuevo León y Coahuila. ¿En qué año se sumó cada uno?»
    each = mentions(kb.vocabulary.context.each_of_them, text)
    if len(named) > 1 and len(placed) == 1 and not each:
        named = placed
    found = [state for name in named if (state := kb.state(name.replace("-", " "))) is not None]
    several = list({state.id: state for state in found}.values())
    if 1 < len(several) <= MAX_STATES_AT_ONCE and (metric := national_only(kb, text)) is not None:
        # «De los 140 compromisos, ¿cuántos corresponden a Guanajuato y cuántos a San Luis Potosí?»
        places = " ni de ".join(state.name for state in several)
        return national_only_answer(kb, metric, places, text), [SlotSet("estado", None), remember(None)]
    if 1 < len(several) <= MAX_STATES_AT_ONCE:  # «jalisco, chiapas y sonora tienen stl?»: each of them
        aspect = kb.vocabulary.aspect(text)
        said = "\n".join(status_answer(kb, state, aspect) for state in several)
        if mentions(kb.vocabulary.why, text):  # «¿por qué la cdmx no tiene secretariado si el edomex sí?»
            said = f"{lists_not_why(kb)}\n{said}"
        elif (year := year_of(text)) is not None and year > kb.newest_date().year:
            said = f"{no_later_lists(kb)}. Las más recientes dicen:\n{said}"  # «¿seguían activos en 2023?»
        names = STATES_SEPARATOR.join(state.name for state in several)  # for «¿y cuál se sumó primero?»
        return said, [SlotSet("estado", None), remember(Topic("estados", names))]
    value = named[0].replace("-", " ") if len(named) == 1 else tracker.get_slot("estado")
    state = state_from(kb, resources.state_finder(), value, "")
    if state is None:
        return None
    topic = topic_of(tracker)
    if topic is not None and topic.kind == "estado":  # «¿y plan publicado a esa misma fecha?»: that year
        text = dated_as_before(kb, tracker, text)
    last = topic.key.partition("@")[0] if topic is not None and topic.kind == "cifra" else None
    said = of_the_country(kb, state, text, last)  # «y de esos, ¿cuántos son de Coahuila?» after compromisos
    if said is None and mentions(kb.vocabulary.why, text):  # «…¿por qué no aparece en la lista de 2020?»
        said = f"{status_answer(kb, state)} {not_why(state)}"
    if said is None:
        said = members_answer(kb, state, text)  # «¿quiénes están en su secretariado?»
    if said is None and kb.vocabulary.asks_listing_date(text):
        said = undated_answer(kb, state)
    if said is None and kb.vocabulary.asks_joining_day(text):  # «¿en qué día y mes exacto se unió?»
        said = undated_joining_answer(kb, state)
    aspect = kb.vocabulary.aspect(text)
    if said is None:  # «¿en qué comunicado aparece por primera vez con STL?»
        said = first_listed_answer(kb, state, text)
    # «¿y en Jalisco?» after «¿cdmx tiene STL?»: «Sí.» for the STL, then the whole status
    carried = carried_aspect(kb, tracker) if len(named) == 1 and and_then(text) else None
    period = period_of(kb, text)
    if said is None and period and period[1] is None and period[0] >= kb.newest_date().year:
        said = status_after_documents(kb, state, aspect)  # «¿y después de 2020 ya instaló su STL?»
    if said is None and (year := year_of(before_aside(text))) is not None and aspect != "ingreso":
        # «¿y en agosto de 2020?» after «¿tenía STL en 2018?»: «Sí.» for the STL, then the whole status
        asked = aspect or (None if named else carried_aspect(kb, tracker))
        # «¿ya tenía plan en 2018 o lo sacó después?», «¿cómo cambió entre 2018 y 2020?»: the later list too
        now = mentions(kb.vocabulary.figure_questions.now, text)
        later = period[1] if period and period[1] else kb.newest_date().year if now else None
        if later is not None and year < later:
            said = f"{status_in_year(kb, state, year, aspect)} {status_in_year(kb, state, later, aspect)}"
        else:  # «¿no es cierto que ya tenía STL desde enero de 2018?»: the newest list too where it differs
            history = mentions(kb.vocabulary.history, text)
            said = status_then_and_now(kb, state, year, aspect, history)
        said = affirmed(kb, state, text, asked, year) + said
        if kb.vocabulary.asks_when(text) and mentions(kb.vocabulary.conditions.joined, text):
            said = f"{status_answer(kb, state, 'ingreso')} {said}"  # «¿en qué año se sumó y ya tenía STL…?»
    if said is None and aspect in ("stl", "pal") and mentions(kb.vocabulary.conditions.joined, text):
        # «…fue de los primeros en sumarse y ya tiene su Secretariado instalado»: when it joined too
        said = f"{status_answer(kb, state, 'ingreso')} {status_answer(kb, state, aspect)}"
    return said or affirmed(kb, state, text, aspect or carried) + status_answer(kb, state, aspect), [
        SlotSet("estado", state.name),
        remember(Topic("estado", state.name)),
    ]


def from_elsewhere(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«…le escribo de San Cristóbal de las Casas… ¿cuántos planes de acción han salido?»: a message that
    names a state only where the person says where they write from or what they are, as a neighbour («…si
    está alguno de los vecinos de Puebla») or to look for it in the answer («…a ver si sale mi Colima») is
    answered for what it asks (a second reading, else the documents), not with that state's status, unless
    it speaks of its own state («mi estado», «le entramos»); None otherwise."""
    text = text_of(tracker)
    # «…¿Cuáles son esos estados? Me interesa si está alguno de los vecinos de Puebla.»: the states asked
    elsewhere = kb.vocabulary.without_neighbours(kb.vocabulary.without_origin(text))
    elsewhere = kb.vocabulary.without_looked_for(elsewhere)  # «…a ver si sale mi Colima»
    if not resources.state_finder().find(text) or resources.state_finder().find(elsewhere):
        return None
    if mentions(kb.vocabulary.own_state, text):  # «…de Villa de Etla, Oaxaca… si en mi estado hay…»
        return None
    asked = with_text(tracker, elsewhere)
    return reread(kb, asked) or from_documents(kb, asked)


def in_passing(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«…un compañero fue a la Ciudad de México. Era en marzo o en abril. ¿Qué días fue esa cumbre?»: a
    state named only in the story told before a question that asks of something else of the initiative
    (no state, no part of a status, not the person's own state) gets that question answered; None
    otherwise."""
    text = text_of(tracker)
    question = question_sentence(text)
    if question == text or resources.state_finder().find(question):
        return None
    # «Guanajuato, Quintana Roo y BCS entraron hasta 2017… ¿Por qué tardaron tanto esos tres?»: of them
    if mentions(kb.vocabulary.why, question):
        return None
    # «…¿En qué año se incorporó y qué tenía (STL y planes)?» asks a part of a status: the state's
    status = without(kb.vocabulary.not_aspects, question)
    if kb.vocabulary.names_aspect(status):
        return None
    if not kb.vocabulary.in_domain(question) or mentions(kb.vocabulary.own_state, text):
        return None
    asked = with_text(tracker, question)
    return reread(kb, asked) or from_documents(kb, asked)


def aside_only(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«y de esa lista a la de 2020, ¿cuáles se agregaron? porque guerrero seguro no»: a state named only in
    the aside after the question is not asked about; the question alone, when the last answer's topic or a
    second reading answers it; None otherwise."""
    text = text_of(tracker)
    asked = before_aside(text)
    finder = resources.state_finder()
    if asked == text or finder.find(asked) or not finder.find(text):
        return None
    alone = with_text(tracker, asked)
    return in_context(kb, alone) or reread(kb, alone)


def carried_aspect(kb: KnowledgeBase, tracker: Tracker) -> str | None:
    """The list (``stl`` or ``pal``) the question before asked about, for a short message that names no
    part of a status («¿y en agosto de 2020?» after «¿tenía STL en enero de 2018?»); None otherwise."""
    text = text_of(tracker)
    if kb.vocabulary.aspect(text) is not None or len(text.split()) > CONTEXT_MAX_WORDS:
        return None
    before = previous_question(tracker)
    aspect = kb.vocabulary.aspect(before) if before else None
    return aspect if aspect in ("stl", "pal") else None


def which_have(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Y en cuáles sí hay?» right after whether a state has an STL: the states that list names; None
    for a message that names a state or asks no «cuáles»."""
    text = text_of(tracker)
    if resources.state_finder().find(text) or not mentions(kb.vocabulary.figure_questions.which, text):
        return None
    if (aspect := carried_aspect(kb, tracker)) is None:
        return None
    year = year_of(text)
    listed = Topic.dated("lista", aspect, year)
    return list_reply(kb, aspect, text, year), [SlotSet("estado", None), remember(listed)]


def by_state(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Qué estado tiene más compromisos?»: a count the documents give for the country only, asked
    state by state, answered with that and the national figure; None for other messages."""
    text = text_of(tracker)
    metric = national_only(kb, text)
    return (national_only_answer(kb, metric, "cada estado", text), [remember(None)]) if metric else None


def states_asked(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Qué estados tenían STL en 2020 y no en 2018? gto es uno, ¿no?»: a question for which states that
    the question engine computes, although it names one; «q estados tienen stl? xq no se si tabasco»: the
    list, which answers for the state too; None otherwise."""
    text = text_of(tracker)
    asks = kb.vocabulary.figure_questions
    if not mentions(asks.which, text):
        return None
    if (found := computed(kb, tracker)) is not None:
        return found
    aspect = kb.vocabulary.aspect(text)
    if aspect not in ("stl", "pal") or not mentions(asks.which_states, text):
        return None
    return list_reply(kb, aspect, text), [remember(Topic("lista", aspect))]


def recounted(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Cuántos fueron en total ese año, contando a Michoacán?» right after the states of a year: them
    counted, although it names a state; None otherwise."""
    topic = topic_of(tracker)
    if topic is None or topic.kind != "ingreso" or not counts_them_again(kb, text_of(tracker)):
        return None
    found = followup_answer(kb, topic, text_of(tracker))
    return (found[0], [remember(found[1])]) if found else None


def recommendations_asked(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«…SU SERVIDOR DON CHUY DE ZACATECAS QUE DICEN LAS RECOMENDACIONES ESAS DEL COVID»: a message that names
    its state only to introduce itself and asks what the recommendations say (no part of a state's status)
    gets them; None otherwise."""
    text = text_of(tracker)
    if kb.vocabulary.aspect(text) or not mentions(kb.vocabulary.about.names, text):
        return None
    if not mentions(kb.vocabulary.about.asks, text):
        return None
    if (ordinal := recommendation_named(kb, text)) is not None:
        return recommendation_answer(kb, ordinal), [remember(Topic("recomendacion", str(ordinal)))]
    return all_recommendations_answer(kb), [remember(Topic("recomendaciones", "todas"))]


class ActionEstado(Action):
    def name(self) -> str:
        return "action_estado"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        if (
            opinion := opinion_refused(dispatcher, kb, tracker, lambda t: self.run(dispatcher, t, domain))
        ) is not None:
            return opinion
        if declined(dispatcher, kb, tracker):
            return []
        reply = (
            recounted(kb, tracker)  # «¿cuántos fueron en total ese año, contando a Michoacán?»
            or each_part(kb, tracker)  # «primero, ¿qué entidades se incorporaron en 2017?, y además, ¿…?»
            or recommendations_asked(kb, tracker)
            or states_asked(kb, tracker)
            or of_the_same_year(kb, tracker)
            or counted_and_named(kb, tracker)
            or any_intent(kb, tracker)  # «soy de slp, ¿hay alguna guía pa armar el plan?», «…un municipio
            # de Hidalgo, ¿qué pasos sigo para entrarle?»
            or from_elsewhere(kb, tracker)  # «…le escribo de San Cristóbal… ¿cuántos planes han salido?»
            or in_passing(kb, tracker)  # «…un compañero fue a la Ciudad de México… ¿qué días fue la cumbre?»
            or aside_only(kb, tracker)  # «¿…cuáles se agregaron? porque guerrero seguro no»
            or state_reply(kb, tracker)
            or in_context(kb, tracker)
            or by_state(kb, tracker)
        )
        if reply is None:
            dispatcher.utter_message(response="utter_ask_estado")
            return [SlotSet("estado", None), remember(None)]
        answer(dispatcher, tracker, *reply)
        return reply[1]


class ValidateEstadoForm(FormValidationAction):
    """Fills ``estado`` from the message even when the entity was missed (misspelt names). A short
    follow-up of the last answer that names no state («¿y a quiénes va dirigida?» after a
    recommendation), or a count given for the country only («¿qué estado tiene más compromisos?»),
    does not ask for one: action_estado answers it; nor does legal advice, a subject outside the initiative
    or something the documents never give: action_estado says so."""

    def name(self) -> str:
        return "validate_estado_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        kb = resources.kb()
        text = text_of(tracker)
        if tracker.get_slot("estado") is None and (
            refused(kb, tracker)
            or kb.vocabulary.missing(text)
            or in_context(kb, tracker) is not None
            or national_only(kb, text)
        ):
            return []
        return domain_slots

    async def extract_estado(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        state = state_from(
            resources.kb(), resources.state_finder(), entity_of(tracker, "estado"), text_of(tracker)
        )
        return {"estado": state.name} if state else {}

    def validate_estado(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        state = state_from(resources.kb(), resources.state_finder(), value, text_of(tracker))
        if state is None:
            dispatcher.utter_message(text="No reconozco ese estado.")
            return {"estado": None}
        return {"estado": state.name}


class ActionListaEstados(AnswerAction):
    action_name = "action_lista_estados"
    honest_first = True

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        text = text_of(tracker)
        if (found := computed(kb, tracker) or by_state(kb, tracker)) is not None:
            return found  # by_state: «¿qué estado tiene más compromisos?» is no list of states
        sourced = kb.vocabulary.follow_up(text) in ("source", "date")
        if sourced and (followed := in_context(kb, tracker)) is not None:
            return followed  # «¿esos 62 de qué año son?» after a figure: its source
        topic = topic_of(tracker)
        listed = topic is not None and topic.kind in ("lista", "cifra")
        added = listed and mentions(kb.vocabulary.conditions.added, text)
        followed = followup_answer(kb, topic, text) if added and topic is not None else None
        if followed is not None:  # «¿cuáles se agregaron después de 2018?» after a list: to that list
            return followed[0], [remember(followed[1])]
        # «¿cuántos estados se sumaron el primer año y en qué año?»: the first year's states, below
        first_or_last = kb.vocabulary.extreme(text) and mentions(kb.vocabulary.conditions.joined, text)
        if kb.vocabulary.asks_count(text) and len(question_parts(kb, text)) > 1 and not first_or_last:
            return figures_reply(kb, tracker)  # «¿cuántos tenían plan en 2018 y cuántos en 2020?»
        # «Según el comunicado del 27 de marzo de 2018, ¿qué entidades se sumaron en 2016?»: the date names
        # the document, not what is asked; «En el comunicado INAI/002/18, ¿qué estados tienen STL?»: its lists
        scene, dated = source_scene(kb, text)
        if intent_of(tracker) == "estados_por_anio":
            # «¿cuántos se habían sumado a marzo de 2018?», «¿cuántos estados había en 2018?», «¿de cuántas
            # entidades en total?»: a figure, not the states that joined in a year
            counted = kb.vocabulary.asks_count(scene) and not mentions(kb.vocabulary.conditions.joined, scene)
            if asks_as_of(kb, scene) or counted:
                return figures_reply(kb, tracker)
            year = year_of(scene) if dated else year_of(entity_of(tracker, "anio") or text)
            if (
                year
                and mentions(kb.vocabulary.participating, text)
                and not mentions(kb.vocabulary.conditions.joined, text)
            ):
                newest = kb.latest("estados")
                if newest is not None and newest.date is not None and year > newest.date.year:
                    return figures_reply(kb, tracker)  # «¿cuántos participaban en 2023?»: after the documents
                # «los 30 que participaban en 2020»; «¿y cuántos planes había entonces?» may follow
                return participants_answer(kb, year), [remember(Topic("cifra", f"estados@{year}"))]
            if year:
                return joined_in_answer(kb, year), [remember(Topic("ingreso", str(year)))]
            extreme = kb.vocabulary.extreme(text)  # «¿cuál fue el último en sumarse?»: no dates, the years
            if kb.vocabulary.asks_when(text) or extreme:
                return undated_years_reply(kb, extreme)
            return years_answer(kb), [remember(None)]
        kind = "pal" if intent_of(tracker) == "estados_con_pal" else "stl"
        if kb.vocabulary.asks_listing_date(text):  # «¿cuál fue el primer estado en instalar su STL?»
            return undated_list_answer(kb, kind), [remember(Topic("lista", kind))]
        year = year_of(entity_of(tracker, "anio") or text)
        if dated is not None and year_of(scene) is None:  # «En el comunicado INAI/002/18, ¿qué estados…?»
            year = dated.year
        listed = Topic.dated("lista", kind, year)  # «¿y cuáles se agregaron después?»
        return list_reply(kb, kind, text, year), [remember(listed)]
