"""The action for the guides: the one named, or all of them."""

from __future__ import annotations

from rasa_sdk import Tracker

from answers.context import followup_answer
from answers.guides import all_guides_answer, guide_answer, guide_of, guides_asked, some_guides_answer
from answers.topic import Topic
from knowledge import KnowledgeBase

from .base import AnswerAction
from .turn import Reply, entity_of, remember, remembered, text_of


class ActionGuia(AnswerAction):
    action_name = "action_guia"

    def declines_first(self, kb: KnowledgeBase, text: str) -> bool:
        """«esas guías, ¿en náhuatl traducidas están?»: what the documents never give of the guides is
        declined first; not «los compromisos del plan» named in asking for the guide to write them."""
        missing = kb.vocabulary.missing(text)
        return missing is not None and kb.vocabulary.not_in_documents[missing].of_guides

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        guides = guides_asked(kb, text_of(tracker))
        if len(guides) > 1:  # «el link de la de STL y la de TP», «…para los STL y los planes de acción»
            return some_guides_answer(kb, guides), [remember(Topic("guia", guides[-1].id))]
        guide = guide_of(kb, entity_of(tracker, "guia"), text_of(tracker))
        if guide is None:
            everything = Topic("guias", "todas")  # «¿y la segunda?» may follow
            asked = followup_answer(kb, everything, text_of(tracker))  # «¿quién las pone a disposición?»
            return (asked[0] if asked else all_guides_answer(kb)), [remember(everything)]
        topic = Topic("guia", guide.id)
        asked = followup_answer(kb, topic, text_of(tracker))  # «¿de qué fecha es la guía de STL?»
        return (asked[0] if asked else guide_answer(kb, guide)), remembered(topic)
