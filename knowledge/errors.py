"""The one error a bad knowledge file raises: it names the file, the entry and the field."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError


class KnowledgeError(ValueError):
    """A knowledge file is invalid. ``str()`` says where and what, for the person who must fix it."""

    def __init__(
        self, path: str | Path, message: str, entry: str | None = None, field: str | None = None
    ) -> None:
        self.path = str(path)
        self.entry = entry
        self.field = field
        self.message = message
        where = [self.path]
        if entry is not None:
            where.append(f"entry {entry}")
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(": ".join(where) + f": {message}")

    @classmethod
    def from_validation(cls, path: str | Path, entry: str | None, error: ValidationError) -> KnowledgeError:
        """Turn pydantic's first error into a KnowledgeError naming its field path."""
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or None
        return cls(path, first["msg"], entry=entry, field=field)
