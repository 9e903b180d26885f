"""Resolve a parsed Doc's actors: named spans, agent phrases, then coreference.

The resolver walks the Doc once in order, so a definite description ("the Iranian general")
can only point back at actors already seen; `flashpoint.actors.coref` then adds pronouns.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from flashpoint.actors.acronyms import merge_acronyms
from flashpoint.actors.candidates import Candidate, find_candidates
from flashpoint.actors.coref import link_pronouns
from flashpoint.actors.context import HEAD_TITLES, dominant_country
from flashpoint.actors.describe import (INTERNATIONAL, Agent, countries_in, describe_with,
                                        find_agent, is_ethnic, is_former, org_sector,
                                        modifier_country, np_extent, of_country, poss_country,
                                        topical)
from flashpoint.actors.lexicon import (ADJECTIVE, CAPITAL, COUNTRY, DEMONYM, ORG, PEOPLES,
                                       PERSON, SEAT, SHORT, Lexicon)
from flashpoint.actors.modifiers import PLACE_PREPS, place_country, postmod_country
from flashpoint.actors.peoples import community_sector, is_plural, peoples_country
from flashpoint.actors.syntax import DEFINITE, INDEFINITE, acts, determiner, sentence_index
from flashpoint.dictionaries import FORMER_OFFICE_SECTORS, person_role
from flashpoint.schema import Actor, Mention

# Agent words too vague to make an actor without a country ("the leader of a state").
WEAK = frozenset({"leader", "authority", "party", "forces", "agent", "national", "observer",
                  "company", "firm", "bank", "court", "union", "coalition", "resident",
                  "citizen", "worker", "student", "executive", "representative", "justice",
                  "speaker", "secretary", "prince", "king", "queen", "aide", "adviser",
                  "advisor", "officer", "official", "expert", "analyst", "military",
                  "government", "administration", "regime", "ministry", "embassy", "army",
                  "proxy", "fighter", "pilot", "agent", "democrat", "republican", "politician",
                  "president", "minister", "general", "commander", "diplomat", "premier"})
GROUP_NOUNS = frozenset({"group", "organization", "organisation", "movement", "faction"})
COREF_WINDOW = 4  # sentences a definite description may reach back


@dataclass
class Draft:
    """An actor under construction."""

    key: tuple
    name: str
    type: str
    country: str | None
    sector: str | None = None
    entry: str | None = None
    role: str | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # token start, end, via
    poss_token: int | None = None  # "his aides": a possessive pronoun to inherit a country from
    head_title: bool = False  # titled head of state or government ("President X")


@dataclass(frozen=True)
class AgentPhrase:
    span: Span
    agent: Agent
    countries: tuple[str, ...]
    sector: str


class Resolver:
    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc, self.lx = doc, lexicon
        self.date = doc._.get("fp_article_date")
        self._written: dict[str, bool] = {}  # name -> does the article write it
        self.drafts: dict[tuple, Draft] = {}
        self.sent = sentence_index(doc)
        self.last_seen: dict[tuple, int] = {}
        self.surnames: dict[str, tuple] = {}

    # -- driver -------------------------------------------------------------------------
    def run(self) -> tuple[list[Actor], list[Mention]]:
        cands = find_candidates(self.doc, self.lx)
        owner = {i: c for c in cands for i in range(c.start, c.end)}
        for c in self._titled_names(owner):  # "Judge Ana Ruiz" the model did not tag
            cands.append(c)
            owner.update((i, c) for i in range(c.start, c.end))
        cands.sort(key=lambda c: c.start)
        phrases, consumed, titles = self._agent_phrases(owner)
        in_doc = {c.ref for c in cands if c.kind == PERSON}
        items = [(c.start, 0, c) for c in cands if c.start not in consumed]
        items += [(p.span.start, 1, p) for p in phrases]
        for _, _, item in sorted(items, key=lambda x: (x[0], x[1])):
            if isinstance(item, Candidate):
                self._named(item, in_doc, titles)
            else:
                self._agent(item)
        merge_acronyms(self.drafts, self.doc.text)
        link_pronouns(self)
        self._inherit_possessor_country()
        self._place_leaders()
        return self._finish()

    def _jurisdiction(self, span: Span, agent, sector: str | None) -> str | None:
        """ "Garissa County Commissioner Ali Hassan", "Kandahar governor": the place an
        office's title names is where its holder serves (offices of the state only)."""
        if sector not in ("GOV", "COP", "JUD", "LEG"):
            return None
        names = [t for t in span if t.i < agent.start and t.pos_ == "PROPN"
                 and t.dep_ in ("compound", "nmod") and t.i not in range(agent.start, agent.end)]
        if not names:
            return None
        return place_country(self.doc[names[0].i:names[-1].i + 1].text) or \
            place_country(names[0].text)

    def _place_leaders(self) -> None:
        """"President Dos Santos" with no country anywhere near: the article's one dominant
        country, for heads of state and government only (other titles stay uncoded)."""
        pending = [d for d in self.drafts.values() if d.head_title and d.country is None]
        if pending:
            country = dominant_country(self.doc, self.lx)
            for d in pending:
                d.country = country

    def _inherit_possessor_country(self) -> None:
        """"his aides" -> the country of whoever "his" resolved to."""
        at = {s: key for key, d in self.drafts.items() for s, _, via in d.mentions
              if via == "coref:pronoun"}
        for d in self.drafts.values():
            if d.poss_token is not None and d.country is None and d.poss_token in at:
                d.country = self.drafts[at[d.poss_token]].country

    # -- named spans --------------------------------------------------------------------
    def _named(self, c: Candidate, in_doc: set[str], titles: dict) -> None:
        span = self.doc[c.start:c.end]
        if c.kind == SHORT:
            iso = self.lx.country_of_text.get(span.text)
            if iso and not set(self.lx.shorts.get(c.ref, ())) & in_doc:
                # bare "Jordan" is the country unless "Jim Jordan" was named in full
                return self._named(Candidate(c.start, c.end, COUNTRY, iso), in_doc, titles)
            pid = self._short(c.ref, in_doc)
            if pid is None:
                return self._unknown(span, "PERSON", titles) if self._personish(span) else None
            return self._person(pid, span, "dictionary")
        if c.kind == PERSON:
            return self._person(c.ref, span, "dictionary")
        if c.kind == ORG:
            o = self.lx.dicts.organizations[c.ref]
            return self.add(("entry", o.id), span, "dictionary", name=o.name, type=o.type,
                            country=o.country, sector=o.sector, entry=o.id)
        if c.kind == SEAT:
            iso, sector, name = c.ref.split("|", 2)
            return self.add(("seat", iso, sector, name), span, "dictionary", name=name,
                            type="organization", country=iso, sector=sector)
        if c.kind in (COUNTRY, CAPITAL):
            if acts(span) and not self._possessor_of_named(span):
                country = self.lx.dicts.countries[c.ref]
                self.add(("country", c.ref), span, "dictionary" if c.kind == COUNTRY
                         else "metonym", name=country.name, type="country", country=c.ref)
            return None
        if c.kind == PEOPLES:  # "Uyghurs", "the Rohingya": coded like a demonym plural
            if not (span.root.pos_ in ("NOUN", "PROPN") and (acts(span) or
                                                             is_plural(span, self.lx, c.ref))):
                return None
            c = Candidate(c.start, c.end, DEMONYM, peoples_country(self.lx, c.ref))
        if c.kind in (DEMONYM, ADJECTIVE):
            if c.kind == DEMONYM or (span.root.pos_ in ("NOUN", "PROPN") and acts(span)):
                plural = c.kind == DEMONYM
                # "Bosnian Serbs", "Croatian Serbs": the adjective names where they belong
                home = (modifier_country(span.root, self.lx) if plural else []) or [c.ref]
                if plural and home == [c.ref] and (is_ethnic(span.root) or any(
                        p.dep_ == "prep" and p.lower_ == "of" for p in span.root.rights)):
                    # "ethnic Albanians in southern Serbia", "the Albanians of southern
                    # Serbia": where they live, not the ethnicity
                    home = [postmod_country(span.root, self.lx) or c.ref]
                self.add(("people", home[0], plural, span.text if home[0] != c.ref else ""),
                         span, "dictionary", name=span.text,
                         type="group" if plural else "person", country=home[0], sector="CVL")
            return None
        return self._unknown(span, c.ref, titles)

    def _person(self, pid: str, span: Span, via: str) -> None:
        p = self.lx.dicts.people[pid]
        code = person_role(p, self.date)
        # "Volodymyr Zelenskyy": named as the article spells him when it never uses the
        # dictionary's spelling (the entry id still identifies him)
        name = span.text if len(span) > 1 and span.text in p.aliases and \
            not self._writes(p.name) else p.name
        self.add(("entry", pid), span, via, name=name, type="person", country=code.country,
                 sector=code.sector, entry=pid, role=code.title)
        self.surnames.setdefault(span[-1].text, ("entry", pid))

    def _writes(self, name: str) -> bool:
        """Whether the article writes this name as a whole word (once per name)."""
        if name not in self._written:
            self._written[name] = re.search(rf"(?<!\w){re.escape(name)}(?!\w)",
                                            self.doc.text) is not None
        return self._written[name]

    def _short(self, short: str, in_doc: set[str]) -> str | None:
        """Which person a bare short name means: one named in full here, else the one
        holding a role at the article date, else the only one."""
        ids = self.lx.shorts.get(short, [])
        named = [i for i in ids if i in in_doc]
        if named:
            return named[0]
        if len(ids) == 1:
            return ids[0]
        active = [i for i in ids if any(r.holds(self.date or "9999") for r in
                                        self.lx.dicts.people[i].roles)]
        return active[0] if len(active) == 1 else None

    def _personish(self, span: Span) -> bool:
        return any(e.label_ == "PERSON" for e in span.ents) or span.root.dep_ in (
            "nsubj", "nsubjpass") and span.root.pos_ == "PROPN"

    def _unknown(self, span: Span, label: str, titles: dict) -> None:
        """A model entity no dictionary knows: a person or organisation coded from context."""
        if label == "PERSON" and self._misread_place(span):
            return None
        known = self.surnames.get(span.text) or self.surnames.get(span[-1].text)
        if known and label in ("PERSON", "ORG", "GPE") and known in self.drafts and \
                self.drafts[known].type == "person":
            return self.add(known, span, "coref:surname")
        described = titles.get(span.start)
        if label == "PERSON" or (label == "ORG" and described and described[2] == "person"):
            country, sector, role = described[:2] + (described[3],) if described else \
                (None, None, None)
            title = find_agent(span, self.lx)  # a title the model kept in the name
            if country is None or sector is None:  # "Sergeant Matt Tonroe of the Army"
                # never a name's own words ("Jordan Peterson"): a possessor or an of-phrase
                related = poss_country(span, self.lx) or of_country(span, self.lx)
                country = country or (related[0] if related else None)
                sector = sector or (title.entry.sector if title else None)
            role = role or (title.entry.word if title else None)
            key = ("name", span.text)
            self.add(key, span, "ner", name=span.text, type="person", country=country,
                     sector=sector, role=role)
            self.drafts[key].head_title |= role in HEAD_TITLES and not (
                title and is_former(span, title))
            self.surnames.setdefault(span[-1].text, key)
            return None
        if label == "NORP" and span.root.tag_ in ("NNPS", "NNS"):
            # "Iraqi Kurds"; else where the text places them: "Kurds in Syria"
            home = modifier_country(span.root, self.lx) or list(filter(None, [
                postmod_country(span.root, self.lx)]))
            if home:
                self.add(("people", home[0], True, span.text), span, "ner", name=span.text,
                         type="group", country=home[0], sector="CVL")
            return None
        if label == "ORG":
            country, sector = describe_with(span, self.lx)
            related = [] if country else poss_country(span, self.lx)  # "Israel's Cabinet"
            country = related[0] if related else country
            if country or sector or acts(span):
                self.add(("name", span.text), span, "ner", name=span.text,
                         type="organization", country=country, sector=sector)
        return None

    def _misread_place(self, span: Span) -> bool:
        """"a priest from Lyon": a model PERSON that is the object of a place preposition and
        a place the gazetteer knows is a place, not a person."""
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS and \
            not any(e.label_ == "PERSON" and len(e) > 1 for e in span.ents) and \
            place_country(span.text) is not None

    def _possessing_person(self, c: Candidate) -> bool:
        """ "Donald Trump's special envoy": the possessor is a person of his own, not a word
        of the envoy's phrase (which still takes his country)."""
        return c.kind in (PERSON, SHORT) and self.doc[c.start:c.end].root.dep_ == "poss"

    def _possessor_of_named(self, span: Span) -> bool:
        """"Iran's Quds Force": the possessor of a named actor is a modifier, not an actor."""
        root = span.root
        return root.dep_ == "poss" and root.head.ent_type_ in ("ORG", "PERSON")

    # -- agent phrases ------------------------------------------------------------------
    def _agent_phrases(self, owner: dict[int, Candidate]):
        """Agent noun phrases, the tokens they consume, and titles/appositions of names."""
        phrases, consumed, titles = [], set(), {}
        done: set[int] = set()
        for tok in self.doc:
            if tok.i in done or tok.i in owner or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if not (self.lx.agent(tok.text) or self.lx.agent(tok.lemma_) or
                    tok.lower_ in GROUP_NOUNS):
                continue
            if tok.dep_ == "compound" and tok.head.i not in owner:
                continue  # "militia commander": the head speaks for the phrase
            span = np_extent(tok)
            target = self._described_name(tok, owner)
            agent = find_agent(span, self.lx) if tok.lower_ not in GROUP_NOUNS else None
            done.update(range(span.start, span.end))
            if target is not None:  # a title or apposition of a name
                if agent:
                    country, sector = describe_with(span, self.lx)
                    country = country or self._jurisdiction(span, agent, sector)
                    titles[target.start] = (country, sector, "person" if agent.entry.type ==
                                            "person" else "organization", agent.entry.word)
                consumed.update(i for i in range(span.start, span.end) if i not in
                                range(target.start, target.end) and not (
                                    i in owner and self._possessing_person(owner[i])))
                continue
            countries = tuple(countries_in(span, self.lx, skip=range(agent.start, agent.end),
                                           adjectives_only=topical(agent)) if agent else ())
            for i in range(span.start, span.end):
                if i in owner and owner[i].kind in (COUNTRY, CAPITAL, ADJECTIVE, DEMONYM,
                                                    PEOPLES, SHORT, PERSON, "ner") \
                        and not self._possessing_person(owner[i]):
                    consumed.add(owner[i].start)
            sector = agent.entry.sector if agent else ""
            if agent and sector in FORMER_OFFICE_SECTORS and is_former(span, agent):
                sector = "ELI"
            elif agent and org_sector(span, self.lx, agent, countries):
                sector = org_sector(span, self.lx, agent, countries)  # "NATO officials"
            sector = community_sector(span, self.lx, agent, sector)  # "Yoruba leaders"
            if agent and (not countries or is_ethnic(tok)):
                # "rebels in Mali", "ethnic Albanian villagers in Serbia": the phrase's own
                # post-modifiers place it (a nationality of its own wins, unless ethnic)
                placed = self._placed(tok, located=sector not in INTERNATIONAL)
                countries = (placed,) if placed else countries
            phrases.append(AgentPhrase(span, agent, countries, sector))
        return phrases, consumed, titles

    def _titled_names(self, owner: dict[int, Candidate]) -> list[Candidate]:
        """Names right after a person's title that the model left untagged: "Judge Ana Ruiz"
        (capitalised proper nouns up to the title's head, none of them a known word)."""
        found = []
        for tok in self.doc:
            entry = self.lx.agent(tok.text) if tok.dep_ == "compound" else None
            head = tok.head
            if entry is None or entry.type != "person" or head.i <= tok.i or \
                    head.i in owner or tok.i in owner:
                continue
            name = self.doc[tok.i + 1:head.i + 1]
            if all(t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.i not in owner and
                   not t.ent_type_ and not self.lx.agent(t.text) for t in name):
                found.append(Candidate(name.start, name.end, "ner", "PERSON"))
        return found

    def _placed(self, tok, *, located: bool) -> str | None:
        """The country of an agent head's post-modifiers, or of its quantity noun's: "a group
        of villagers from Kandahar" hangs the PP on "group"."""
        found = postmod_country(tok, self.lx, located=located)
        prep = tok.head
        if found or tok.dep_ != "pobj" or prep.lower_ != "of" or \
                prep.head.pos_ not in ("NOUN", "NUM"):
            return found
        quantity = prep.head
        if self.lx.agent(quantity.text) or self.lx.agent(quantity.lemma_):
            return None  # "the leader of the rebels in Mali": the leader's own PPs
        return postmod_country(quantity, self.lx, located=located)

    def _described_name(self, tok, owner) -> Candidate | None:
        """The named span this agent word describes, as a title or apposition, if any."""
        head = tok
        for _ in range(4):  # "Iraqi militia commander Abu Mahdi al-Muhandis"
            if head.dep_ not in ("compound", "nmod", "amod") or head.head.i == head.i:
                break
            head = head.head
        if head is not tok and head.i in owner and owner[head.i].kind in (PERSON, "ner", SHORT):
            return owner[head.i]
        if tok.dep_ == "appos" and tok.head.i in owner:  # "X, an expert on Iran"
            return owner[tok.head.i]
        for child in tok.children:  # "commander of the Quds Force, Qassem Soleimani"
            if child.dep_ == "appos" and child.i in owner and owner[child.i].kind in (
                    PERSON, SHORT, "ner"):
                return owner[child.i]
        return None

    def _agent(self, p: AgentPhrase) -> None:
        det = determiner(p.span)
        generic = any(c.dep_ == "prep" and c.lower_ == "of" for c in p.span.root.rights)
        if p.agent is None or (det in DEFINITE and len(p.countries) < 2 and not generic):
            target = self._antecedent(p)
            if target is not None:
                return self.add(target, p.span, "coref:definite")
            if p.agent is None:
                return None
        if not p.countries and p.agent.entry.word in WEAK and p.agent.entry.type != "group" \
                and not p.agent.plural and det not in INDEFINITE:
            return None  # "the leader of a state apparatus": too vague to be an actor
        for country in p.countries or (None,):
            self._agent_actor(p, country, det, split=len(p.countries) > 1)

    def _agent_actor(self, p: AgentPhrase, country, det, *, split: bool) -> None:
        entry = p.agent.entry
        kind = "group" if p.agent.plural or entry.type == "group" else entry.type
        name = self._agent_name(p, country, split)
        if kind == "person" and det not in DEFINITE:
            key = ("anon", p.span.start, country)
        else:
            key = ("group", country, p.sector, self.doc[p.agent.end - 1].lemma_.lower(),
                   None if country else name)
        self.add(key, p.span, "agent", name=name, type=kind, country=country,
                 sector=p.sector, role=entry.word)
        if country is None:  # "his aides", "its proxies": the possessor's country, later
            poss = [t.i for t in p.span.root.lefts if t.dep_ == "poss" and t.pos_ == "PRON"]
            if poss:
                self.drafts[key].poss_token = poss[0]

    def _agent_name(self, p: AgentPhrase, country, split: bool) -> str:
        if split and country:
            c = self.lx.dicts.countries[country]
            label = c.adjectives[0] if c.adjectives else c.name
            return f"{label} {self.doc[p.agent.start:p.agent.end].text}"
        drop = ("det", "predet") if p.agent and p.agent.entry.type == "person" and \
            not p.agent.plural else ("det", "predet", "nummod", "quantmod")
        words = [t for t in p.span if t.dep_ not in drop or t.i > p.span.root.i]
        return " ".join(t.text for t in words).replace(" 's", "'s") if words else p.span.text

    def _antecedent(self, p: AgentPhrase) -> tuple | None:
        """The actor a definite description ("the official", "the group") points back to."""
        here = self.sent[p.span.start]
        word = p.span.root.lemma_.lower()
        country = p.countries[0] if p.countries else None
        best = None
        if any(t.tag_ == "JJS" for t in p.span):
            return None  # "the largest group in X": a superlative introduces a new one
        verb = _governing_verb(p.span.root)
        for key, last in sorted(self.last_seen.items(), key=lambda kv: -kv[1]):
            d = self.drafts[key]
            if here - self.sent[last] > COREF_WINDOW or d.type == "country":
                continue
            if verb is not None and _governing_verb(self.doc[last]) == verb:
                continue  # "the government outlawed the organisation": one clause, two parties
            if country and d.country != country:
                continue
            if p.agent is None:  # "the group": an organisation or group
                if d.type in ("organization", "group"):
                    return key
                continue
            words = set((d.role or "").lower().split()) | set(d.name.lower().split())
            if word in words or p.span.root.lower_ in words:
                return key
            if best is None and d.sector == p.sector and d.type == "person" and \
                    p.agent.entry.type == "person" and not p.agent.plural:
                best = key
        return best

    # -- bookkeeping --------------------------------------------------------------------
    def add(self, key: tuple, span: Span, via: str, **fields) -> None:
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = Draft(key=key, **fields)
        elif draft.country is None and fields.get("country"):
            draft.country = fields["country"]  # a later mention places an earlier one
        draft.mentions.append((span.start, span.end, via))
        self.last_seen[key] = max(self.last_seen.get(key, -1), span.start)

    def _finish(self) -> tuple[list[Actor], list[Mention]]:
        actors, mentions = [], []
        ordered = sorted(self.drafts.values(), key=lambda d: min(m[0] for m in d.mentions))
        for n, d in enumerate(ordered, 1):
            aid = f"A{n}"
            spans = sorted(set(d.mentions))
            actors.append(Actor(
                id=aid, name=d.name, type=d.type, country=d.country, sector=d.sector,
                mentions=tuple(sorted({(self.doc[s].idx,
                                        self.doc[e - 1].idx + len(self.doc[e - 1]))
                                       for s, e, _ in spans})),
                entry=d.entry, role=d.role))
            mentions += [Mention(start=s, end=e, start_char=self.doc[s].idx,
                                 end_char=self.doc[e - 1].idx + len(self.doc[e - 1]), ref=aid,
                                 via=via) for s, e, via in spans]
        mentions.sort(key=lambda m: (m.start, m.end, m.ref))
        return actors, mentions


def resolve(doc: Doc, lexicon: Lexicon) -> tuple[list[Actor], list[Mention]]:
    """The actors of ``doc`` and every mention of them (token and character offsets)."""
    return Resolver(doc, lexicon).run()


def _governing_verb(token) -> int | None:
    """The index of the verb whose clause a noun phrase fills (through prepositions and
    modifiers), or None."""
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            return node.i
        if node.head.i == node.i:
            return None
        node = node.head
    return None

