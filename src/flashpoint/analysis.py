"""Article -> Analysis: validate, repair, run the pipeline, map every span back to the original.

This is the library's main entry point; the CLI, the store and the API all call it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from flashpoint.config import Settings
from flashpoint.events.confidence import shipped_model, with_confidence
from flashpoint.errors import EmptyInputError, FlashpointError, InputTooLargeError
from flashpoint.nlp.extensions import records
from flashpoint.nlp.pipeline import get_nlp
from flashpoint.readers.decode import require_unicode
from flashpoint.schema import (Actor, ActorRef, Analysis, Article, Event, Place, Quote, Speaker,
                               StageError)
from flashpoint.sourcing import sourcing_summary
from flashpoint.text.language import check_english
from flashpoint.text.offsets import OffsetChain, OffsetMap
from flashpoint.text.repair import repair_text


@dataclass(frozen=True)
class Failure:
    """An article that could not be analysed, with the error that says why."""

    article: Article
    error: FlashpointError


def analyze_text(text: str, *, date: str | None = None, id: str = "text",
                 title: str | None = None, settings: Settings | None = None) -> Analysis:
    """Analyse one text; raises a FlashpointError if it cannot be analysed.

    >>> analysis = analyze_text("Iran condemned the strike.", date="2020-01-03")  # doctest: +SKIP
    """
    article = Article(id=id, text=text, title=title, date=date, origin=id)
    for result in analyze_articles([article], settings=settings):
        if isinstance(result, Failure):
            raise result.error
        return result
    raise AssertionError("analyze_articles yielded nothing")  # pragma: no cover


def analyze_articles(articles: Iterable[Article | Failure], *,
                     settings: Settings | None = None) -> Iterator[Analysis | Failure]:
    """Analyse articles in batches, yielding an Analysis or a Failure for each, in order.

    Failures already in the input (from a reader) pass through in their place.
    """
    settings = settings or Settings()
    if settings.workers > 1:
        yield from _analyze_in_processes(articles, settings)
        return
    nlp = get_nlp(settings)
    batch: list[tuple[Article, list[_Chunk]]] = []
    for article in articles:
        if isinstance(article, Failure):
            yield from _flush(batch, nlp, settings)
            batch = []
            yield article
            continue
        try:
            chunks = _prepare(article, settings)
        except FlashpointError as exc:
            yield from _flush(batch, nlp, settings)
            batch = []
            yield Failure(article, exc)
            continue
        batch.append((article, chunks))
        if sum(len(c) for _, c in batch) >= settings.batch_size:
            yield from _flush(batch, nlp, settings)
            batch = []
    yield from _flush(batch, nlp, settings)


def _analyze_in_processes(articles: Iterable[Article | Failure],
                          settings: Settings) -> Iterator[Analysis | Failure]:
    """Batches of articles analysed in worker processes, results yielded in input order.

    spaCy's own ``n_process`` ships Docs between processes as msgpack, which cannot carry
    our records; whole batches in, finished Analyses out, is also less traffic.
    """
    import itertools
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    single = settings.replace(workers=1)
    source = iter(articles)
    import multiprocessing

    # spawn, not fork: the parent may be threaded (the API server, a Dask client)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=settings.workers, mp_context=context) as pool:
        pending: deque = deque()
        while batch := list(itertools.islice(source, settings.batch_size)):
            pending.append(pool.submit(_analyze_batch, batch, single))
            if len(pending) > 2 * settings.workers:  # bounded look-ahead: memory stays flat
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _analyze_batch(batch: list[Article | Failure], settings: Settings) -> list[Analysis | Failure]:
    return list(analyze_articles(batch, settings=settings))


@dataclass(frozen=True)
class _Chunk:
    offset: int  # where this chunk starts in the original text
    offsets: OffsetMap | OffsetChain  # repaired chunk -> original chunk
    text: str  # repaired chunk text
    edits: int


def _prepare(article: Article, settings: Settings) -> list[_Chunk]:
    text = article.text
    origin = article.origin or article.id
    if len(text) > settings.max_chars:
        raise InputTooLargeError(origin, f"{len(text):,} characters is over the limit of "
                                         f"{settings.max_chars:,} (setting max_chars)")
    if not text.strip():
        raise EmptyInputError(origin, "no text to analyse (empty or whitespace only)")
    require_unicode(text, origin)
    if settings.check_language:
        check_english(text, origin=origin)
    chunks = []
    for start, end in paragraph_chunks(text, settings.chunk_chars):
        piece = text[start:end]
        if settings.repair:
            repaired = repair_text(piece)
            chunks.append(_Chunk(start, repaired.offsets, repaired.text, repaired.edits))
        else:
            chunks.append(_Chunk(start, OffsetMap.identity(len(piece)), piece, 0))
    return chunks


def paragraph_chunks(text: str, size: int) -> list[tuple[int, int]]:
    """Split ``text`` into ``[start, end)`` pieces of about ``size`` chars at paragraph breaks.

    >>> paragraph_chunks("aa\\n\\nbb\\n\\ncc", 5)
    [(0, 4), (4, 8), (8, 10)]
    """
    if len(text) <= size:
        return [(0, len(text))]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            end = _cut(text, start, end)
        pieces.append((start, end))
        start = end
    return pieces


def _cut(text: str, start: int, end: int) -> int:
    """Where a chunk ending near ``end`` stops: after a blank line, else a line end, else a
    full stop; a hard cut only when the piece has none of them."""
    for mark in ("\n\n", "\n", ". "):
        at = text.rfind(mark, start, end)
        if at > start:
            return at + len(mark)
    return end


def _flush(batch, nlp, settings: Settings) -> Iterator[Analysis | Failure]:
    """Parse the batch lazily and reduce each Doc to its records at once (bounded memory)."""
    if not batch:
        return

    def docs():
        for article, chunks in batch:
            for chunk in chunks:
                doc = nlp.make_doc(chunk.text)
                doc._.fp_article_date = article.date
                yield doc

    parsed = iter(nlp.pipe(docs(), batch_size=settings.batch_size))
    for article, chunks in batch:
        parts = [(chunk, DocRecords.of(next(parsed))) for chunk in chunks]
        yield build_analysis(article, parts, min_confidence=settings.min_confidence)


@dataclass(frozen=True)
class DocRecords:
    """What the components left on one Doc, in the Doc's coordinates."""

    actors: list
    places: list
    events: list
    quotes: list
    errors: list

    @classmethod
    def of(cls, doc: Doc) -> DocRecords:
        return cls(records(doc, "fp_actors"), records(doc, "fp_places"),
                   records(doc, "fp_events"), records(doc, "fp_quotes"),
                   records(doc, "fp_errors"))


def build_analysis(article: Article, parts: list[tuple[_Chunk, DocRecords]], *,
                   min_confidence: float | None = None) -> Analysis:
    """Assemble one Analysis from its parsed chunks, every span mapped to the original text.

    Every event gets its confidence; those below ``min_confidence`` (unset: the shipped
    threshold) are left out, so every consumer sees the same events.
    """
    actors = _Merged("A", lambda a: (a.entry or a.name, a.country, a.sector, a.type))
    places = _Merged("P", lambda p: (p.geonameid,) if p.geonameid else (p.name, p.kind))
    events: list[Event] = []
    quotes: list[Quote] = []
    errors: list[StageError] = []
    edits = 0
    for chunk, found in parts:
        def span(s, e, _c=chunk):
            a, b = _c.offsets.span(s, e)
            return (a + _c.offset, b + _c.offset)

        edits += chunk.edits
        local_actor = {a.id: actors.add(a, span) for a in found.actors}
        local_place = {p.id: places.add(p, span) for p in found.places}
        for event in found.events:
            events.append(_remap_event(event, f"E{len(events) + 1}", span, local_actor,
                                       local_place, article.text))
        for quote in found.quotes:
            quotes.append(_remap_quote(quote, f"Q{len(quotes) + 1}", span, local_actor,
                                       article.text))
        errors.extend(found.errors)
    quotes_t = tuple(quotes)
    analysis = Analysis(article=article, actors=actors.records(), events=tuple(events),
                        quotes=quotes_t, places=places.records(),
                        sourcing=sourcing_summary(quotes_t), errors=tuple(errors),
                        repairs=edits)
    model = shipped_model()
    return with_confidence(analysis, model, min_confidence=model.threshold
                           if min_confidence is None else min_confidence)


class _Merged:
    """Records from several chunks merged by identity, renumbered, mentions concatenated."""

    def __init__(self, prefix: str, key) -> None:
        self.prefix, self.key = prefix, key
        self.by_id: dict[str, Actor | Place] = {}
        self.ids: dict[tuple, str] = {}

    def add(self, record, span) -> str:
        """Add one chunk-local record; return its article-wide id."""
        mentions = tuple(span(*m) for m in record.mentions)
        key = self.key(record)
        if key in self.ids:
            rid = self.ids[key]
            old = self.by_id[rid]
            self.by_id[rid] = dataclasses.replace(old, mentions=old.mentions + mentions)
        else:
            rid = self.ids[key] = f"{self.prefix}{len(self.ids) + 1}"
            self.by_id[rid] = dataclasses.replace(record, id=rid, mentions=mentions)
        return rid

    def records(self) -> tuple:
        return tuple(self.by_id.values())


def _remap_ref(ref: ActorRef | None, span, local_actor) -> ActorRef | None:
    if ref is None:
        return None
    # An id the chunk did not define must not pass as another actor's article-wide id.
    return dataclasses.replace(ref, actor=local_actor.get(ref.actor),
                               span=span(*ref.span) if ref.span else None)


def _remap_event(event: Event, new_id: str, span, local_actor, local_place, text: str) -> Event:
    sent_span = span(*event.span)
    location = event.location
    if location is not None and location.place is not None:
        location = dataclasses.replace(location, place=local_place.get(location.place))
    return dataclasses.replace(
        event, id=new_id, source=_remap_ref(event.source, span, local_actor),
        target=_remap_ref(event.target, span, local_actor), span=sent_span,
        sentence=text[sent_span[0]:sent_span[1]],
        trigger_span=span(*event.trigger_span) if event.trigger_span else None,
        location=location)


def _remap_quote(quote: Quote, new_id: str, span, local_actor, text: str) -> Quote:
    q_span = span(*quote.span)
    speaker = quote.speaker
    if speaker is not None:
        s_span = span(*speaker.span) if speaker.span else None
        speaker = dataclasses.replace(
            speaker, actor=local_actor.get(speaker.actor), span=s_span,
            text=text[s_span[0]:s_span[1]] if s_span else speaker.text)
    return dataclasses.replace(
        quote, id=new_id, span=q_span, text=text[q_span[0]:q_span[1]], speaker=speaker,
        cue_span=span(*quote.cue_span) if quote.cue_span else None)


__all__ = ["Failure", "analyze_articles", "analyze_text", "build_analysis", "paragraph_chunks",
           "Speaker"]
