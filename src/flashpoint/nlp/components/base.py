"""The shape every Flashpoint component shares: find, then annotate, inside an error handler."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from flashpoint.nlp.extensions import records
from flashpoint.schema import StageError


class Component:
    """Base class: ``__call__`` runs ``find`` then ``set_annotations``.

    A failure inside a stage is recorded on the Doc (``doc._.fp_errors``) with the stage
    name, so one bad article never kills a batch and the other stages still run.
    """

    stage = "component"
    outputs: tuple[str, ...] = ()

    def __call__(self, doc: Doc) -> Doc:
        for name in self.outputs:
            records(doc, name)
        try:
            found = self.find(doc)
            self.set_annotations(doc, found)
        except Exception as exc:  # recorded, never swallowed: see doc._.fp_errors
            records(doc, "fp_errors").append(
                StageError(stage=self.stage, message=f"{type(exc).__name__}: {exc}"))
        return doc

    def find(self, doc: Doc) -> Any:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Any) -> None:
        raise NotImplementedError
