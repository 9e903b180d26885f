"""Benchmark: the whole Flashpoint pipeline against a bare ``nlp.pipe`` of the same model.

Both runs see the same articles (by default every file under ../shared/corpus, else examples/
plus a generated corpus; repeated to at least 500), in one process, so the ratio isolates what
Flashpoint adds to the parse.
"""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

from flashpoint.analysis import Failure, analyze_articles
from flashpoint.config import Settings
from flashpoint.nlp.pipeline import get_nlp, load_model
from flashpoint.readers import read_inputs
from flashpoint.schema import Article


@dataclass(frozen=True)
class BenchResult:
    articles: int
    words: int
    bare_seconds: float
    full_seconds: float
    bare_peak_rss_mb: float
    full_peak_rss_mb: float
    events: int
    actors: int
    split: dict[str, float] = field(default_factory=dict)  # component -> seconds (one pass)

    @property
    def ratio(self) -> float:
        return self.full_seconds / self.bare_seconds if self.bare_seconds else float("nan")

    def report(self) -> str:
        def rate(seconds):
            return f"{self.articles / seconds:8.1f} articles/s {self.words / seconds:10,.0f} words/s"

        return "\n".join([
            f"articles: {self.articles}  words: {self.words:,}",
            f"bare nlp.pipe : {rate(self.bare_seconds)}  {self.bare_seconds:7.1f} s  "
            f"peak RSS {self.bare_peak_rss_mb:,.0f} MB",
            f"flashpoint    : {rate(self.full_seconds)}  {self.full_seconds:7.1f} s  "
            f"peak RSS {self.full_peak_rss_mb:,.0f} MB",
            f"ratio flashpoint/bare: {self.ratio:.2f}x  "
            f"({self.events} events, {self.actors} actors coded)",
            *self._split_lines(),
        ])

    def _split_lines(self) -> list[str]:
        if not self.split:
            return []
        total = sum(self.split.values())
        model = sum(v for k, v in self.split.items() if not k.startswith(("flashpoint", "(")))
        lines = ["", "per component (one separate pass over the same articles, seconds; "
                 "'(outside the pipeline)': reading, text repair, chunking, records):"]
        for name, seconds in self.split.items():
            lines.append(f"  {name:28s} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
        lines.append(f"  {'model components':28s} {model:7.2f} s; Flashpoint's own work "
                     f"{total - model:.2f} s = {100 * (total - model) / model:.0f} % of the parse")
        return lines


def load_articles(inputs: list[str], *, minimum: int) -> list[Article]:
    """Readable articles from ``inputs``, repeated (with new ids) to at least ``minimum``."""
    base = [a for a in read_inputs(inputs) if not isinstance(a, Failure)]
    if not base:
        raise ValueError(f"no readable articles in {inputs}")
    out: list[Article] = []
    while len(out) < minimum:
        rnd = len(out) // len(base)
        out.extend(Article(id=f"{a.id}#{rnd}", text=a.text, date=a.date, origin=a.origin)
                   for a in base)
    return out


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def component_split(articles: list[Article], *, settings: Settings | None = None,
                    full_seconds: float | None = None) -> dict[str, float]:
    """Seconds each pipeline component takes over ``articles``, stage after stage (each
    component's ``pipe`` over all Docs), plus, given the whole run's ``full_seconds``, what
    lies outside the pipeline (reading, text repair, chunking, building the records)."""
    settings = settings or Settings()
    nlp = get_nlp(settings)
    texts = [a.text[:nlp.max_length] for a in articles]
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    split = {"tokenizer": time.perf_counter() - start}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=settings.batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        split[name] = time.perf_counter() - start
    if full_seconds is not None:
        split["(outside the pipeline)"] = max(0.0, full_seconds - sum(split.values()))
    return split


def run_bench(articles: list[Article], *, settings: Settings | None = None,
              split: bool = True) -> BenchResult:
    settings = settings or Settings()
    words = sum(len(a.text.split()) for a in articles)
    bare = load_model(settings.model)
    get_nlp(settings)  # build outside the timed region, like the bare model above
    n_process = settings.workers
    start = time.perf_counter()
    for _ in bare.pipe((a.text for a in articles), batch_size=settings.batch_size,
                       n_process=n_process):
        pass
    bare_seconds = time.perf_counter() - start
    bare_rss = _peak_rss_mb()
    events = actors = 0
    start = time.perf_counter()
    for result in analyze_articles(articles, settings=settings):
        if not isinstance(result, Failure):
            events += len(result.events)
            actors += len(result.actors)
    full_seconds = time.perf_counter() - start
    full_rss = _peak_rss_mb()
    parts = {}
    if split and settings.workers == 1:  # the split of one process's work
        parts = component_split(articles, settings=settings, full_seconds=full_seconds)
    return BenchResult(len(articles), words, bare_seconds, full_seconds, bare_rss,
                       full_rss, events, actors, parts)


REPO = Path(__file__).resolve().parents[2]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"  # the project's own runs have it; users not
GENERATED_ARTICLES = 60  # distinct generated articles beside examples/ (before repetition)


def default_inputs(scratch: Path) -> tuple[list[str], str]:
    """The inputs of a bare ``flashpoint bench`` and a line saying what they are:
    ../shared/corpus beside the repository when present, else the bundled examples plus a
    generated corpus (written into ``scratch``), so a new user's run measures varied text."""
    from flashpoint.corpus.generated import write_generated_corpus

    if SHARED_CORPUS.is_dir():
        return [str(SHARED_CORPUS)], f"inputs: {SHARED_CORPUS}"
    examples = REPO / "examples"
    write_generated_corpus(scratch, GENERATED_ARTICLES)
    return [str(examples), str(scratch)], (
        f"inputs: {examples} and {GENERATED_ARTICLES} generated articles "
        "(flashpoint.corpus.generated; ../shared/corpus is absent)")
