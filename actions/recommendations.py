"""The action for the four SNT recommendations: one by its ordinal, those about a subject, or all of them
(or, for a detail the list of the four does not give, the sentence of the documents that does)."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from answers.context import followup_answer
from answers.guides import all_guides_answer
from answers.recommendations import (
    about_answer,
    all_recommendations_answer,
    ordinal_of,
    recommendation_answer,
    recommendations_about,
    subject_of,
)
from answers.topic import Topic
from knowledge import KnowledgeBase
from knowledge.vocabulary import mentions

from .base import AnswerAction
from .readers import computed, in_context, issued_reply, sharper
from .turn import Reply, entity_of, remember, remembered, text_of


def subject_reply(kb: KnowledgeBase, text: str, ordinal: int | None) -> Reply | None:
    """«¿Qué recomendaciones hablan de los ODS?»: the recommendations about the subject the message asks
    for, or that none treats it; None when it names an ordinal or does not ask that way."""
    about = recommendations_about(kb, text)  # the ordinals are no subject: it ignores them
    if ordinal is not None:
        # «¿es correcto que la cuarta es la que habla del gasto público?»: «No», and the one that does; «Sí»
        # when it is the one named
        if about is None or len(about) != 1:
            return None
        if not mentions(kb.vocabulary.about.claims, text):  # «¿qué dice la tercera sobre el COVID?»
            return None
        item = kb.recommendation(about[0])
        named = item.name.lower() if item else str(about[0])
        verdict = "Sí" if about[0] == ordinal else "No"
        said = f"{verdict}: es la {named}.\n{recommendation_answer(kb, about[0])}"
        return said, remembered(Topic("recomendacion", str(about[0])))
    if about is None:
        return None
    # «¿el comunicado de recomendaciones menciona alguna guía?»: the document gives them, not the four
    theirs = all(guide.source == kb.recommendations.source for guide in kb.guides)
    if not about and theirs and kb.vocabulary.asks_guide(text):
        return all_guides_answer(kb), remembered(Topic("guias", "todas"))
    found = Topic("recomendacion", str(about[0])) if len(about) == 1 else Topic("recomendaciones", "todas")
    return about_answer(kb, about, subject_of(kb, text)), remembered(found)


class ActionRecomendacion(AnswerAction):
    action_name = "action_recomendacion"
    honest_first = True  # «¿quién presidía la Comisión que las aprobó?»: no names in the documents

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        text = text_of(tracker)
        ordinal = ordinal_of(kb, entity_of(tracker, "ordinal"), text)
        # «¿cuáles no estaban en la primera lista?»: an ordinal of something else, read again
        another = ordinal is None and kb.vocabulary.orders_another(text)
        if another and (other := in_context(kb, tracker) or computed(kb, tracker)) is not None:
            return other
        everything = Topic("recomendaciones", "todas")
        if ordinal is None and kb.vocabulary.follow_up(text) in ("issuer", "session", "date"):
            return issued_reply(kb, tracker), [remember(everything)]
        if (about := subject_reply(kb, text, ordinal)) is not None:
            return about
        items = len(kb.recommendations.items)
        several = [n for n in kb.vocabulary.ordinals_named(text) if 1 <= n <= items]
        if len(several) > 1:  # «resúmeme la primera y la cuarta»: each
            return "\n\n".join(recommendation_answer(kb, n) for n in several), [
                SlotSet("ordinal", str(several[-1])),
                remember(Topic("recomendacion", str(several[-1]))),
            ]
        if ordinal is None:
            overview = all_recommendations_answer(kb)
            # «¿con qué fundamento legal se emitieron?»: what their document says; «¿y en qué sesión se
            # aprobaron?» may follow either
            sharpened = sharper(kb, tracker, overview, kb.recommendations.source)
            return (sharpened[0] if sharpened else overview), [remember(everything)]
        asked = followup_answer(kb, Topic("recomendacion", str(ordinal)), text)  # «¿quién emitió la 3a?»
        if asked is not None:
            return asked[0], remembered(asked[1])
        return recommendation_answer(kb, ordinal), [
            SlotSet("ordinal", str(ordinal)),
            remember(Topic("recomendacion", str(ordinal))),
        ]
