"""The knowledge: source documents, sourced facts and vocabulary, validated at load (.venv)."""

from .base import KnowledgeBase
from .errors import KnowledgeError
from .loader import content_digest, knowledge_root, load_knowledge

__all__ = ["KnowledgeBase", "KnowledgeError", "content_digest", "knowledge_root", "load_knowledge"]
