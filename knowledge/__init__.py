"""The assistant's knowledge: source documents and structured, sourced facts, validated at load."""

from .base import KnowledgeBase
from .errors import KnowledgeError
from .loader import content_digest, knowledge_root, load_knowledge

__all__ = ["KnowledgeBase", "KnowledgeError", "content_digest", "knowledge_root", "load_knowledge"]
