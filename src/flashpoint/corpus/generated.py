"""A generated corpus of news-like articles, for benchmarks on a machine with no corpus.

``flashpoint bench`` measures throughput; three example articles repeated 170 times would
measure the tokenizer's cache as much as the pipeline. These articles are built from
templates written for the project (no third-party text): a headline, a wire dateline and
paragraphs that mix the constructions the pipeline codes (attacks, talks, accusations,
arrests, protests, aid), named and anonymous quotes, places and dates. They are
deterministic: the same ``seed`` gives the same articles, so runs compare.

They are not a quality benchmark: nothing about them is gold.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

# (country adjective, country, capital, official, a second city)
COUNTRIES = (
    ("Armenian", "Armenia", "Yerevan", "Prime Minister Nikol Pashinyan", "Gyumri"),
    ("Azerbaijani", "Azerbaijan", "Baku", "President Ilham Aliyev", "Ganja"),
    ("Iraqi", "Iraq", "Baghdad", "Prime Minister Mohammed Shia al-Sudani", "Basra"),
    ("Turkish", "Turkey", "Ankara", "President Recep Tayyip Erdogan", "Istanbul"),
    ("Sudanese", "Sudan", "Khartoum", "General Abdel Fattah al-Burhan", "Port Sudan"),
    ("Kenyan", "Kenya", "Nairobi", "President William Ruto", "Mombasa"),
    ("Colombian", "Colombia", "Bogota", "President Gustavo Petro", "Cali"),
    ("Pakistani", "Pakistan", "Islamabad", "Prime Minister Shehbaz Sharif", "Lahore"),
    ("Indian", "India", "New Delhi", "Prime Minister Narendra Modi", "Mumbai"),
    ("Ukrainian", "Ukraine", "Kyiv", "President Volodymyr Zelensky", "Kharkiv"),
    ("Russian", "Russia", "Moscow", "President Vladimir Putin", "Belgorod"),
    ("Israeli", "Israel", "Jerusalem", "Prime Minister Benjamin Netanyahu", "Haifa"),
)
BODIES = ("army", "police", "foreign ministry", "defence ministry", "government", "parliament")
GROUPS = ("rebels", "protesters", "militants", "students", "farmers", "opposition supporters")
MEDIATORS = ("Qatar", "the United Nations", "the African Union", "the European Union", "Norway")

HEADLINES = (
    "{a} and {b} trade blame after border clash",
    "{a} accuses {b} of shelling villages near {city}",
    "Talks between {a} and {b} resume in {mediator_city}",
    "Police disperse protest in {capital} as anger over prices grows",
    "{a} arrests suspected militants in {city}",
    "Aid convoy reaches {city} after days of fighting",
)
PARAGRAPHS = (
    "{adj} troops fired on {adj_b} positions near {city} on {weekday}, killing {n} soldiers "
    "and wounding {m} others, the {adj} {body} said.",
    "The {adj_b} {body_b} denied the account and said its forces had only returned fire.",
    "{official} condemned the attack and called on {mediator} to help end the fighting.",
    "{official_b} said {country_b} would not accept threats and warned that any new "
    "attack would be answered.",
    "Delegations from {country} and {country_b} met in {mediator_city} on {weekday} for talks "
    "mediated by {mediator}, officials from both sides said.",
    "Hundreds of {group} marched through {capital} on {weekday} to demand the release of "
    "detained activists, and police used tear gas to disperse them.",
    "{adj} police arrested {n} people in {city} on suspicion of planning attacks, a security "
    "source said, speaking on condition of anonymity.",
    "\"We want a ceasefire that holds,\" {official} told reporters in {capital}. \"Our people "
    "have suffered enough.\"",
    "{mediator} said it would send food and medicine to {city}, where {n} thousand people "
    "have fled their homes since {month}.",
    "An aid official, who asked not to be named, said convoys had been blocked at a "
    "checkpoint for three days.",
    "The {adj} {body} accused {country_b} of violating the truce agreed in {month} and "
    "summoned its ambassador.",
    "{country_b} rejected the accusation and said it remained committed to the agreement.",
    "Analysts said the clashes could escalate if talks in {mediator_city} fail, but neither "
    "side has announced a new offensive.",
    "{adj} {group} blocked the main road into {city} on {weekday}, and the government "
    "promised to investigate their complaints.",
)
MEDIATOR_CITIES = ("Doha", "Geneva", "Addis Ababa", "Oslo", "Vienna")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def generated_article(number: int, *, seed: int = 0) -> tuple[str, str]:
    """``(file name, text)`` of generated article ``number``: a dated file name, a headline,
    a dateline and six to nine paragraphs."""
    rng = random.Random(seed * 100_003 + number)
    first, second = rng.sample(COUNTRIES, 2)
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(730))
    mediator_at = rng.randrange(len(MEDIATORS))
    words = {
        "adj": first[0], "country": first[1], "capital": first[2], "official": first[3],
        "city": first[4], "adj_b": second[0], "country_b": second[1],
        "official_b": second[3], "a": first[1], "b": second[1],
        "body": rng.choice(BODIES), "body_b": rng.choice(BODIES), "group": rng.choice(GROUPS),
        "mediator": MEDIATORS[mediator_at], "mediator_city": MEDIATOR_CITIES[mediator_at],
        "weekday": rng.choice(WEEKDAYS), "month": MONTHS[(date.month - 3) % 12],
        "n": rng.randrange(2, 15), "m": rng.randrange(2, 30),
    }
    paragraphs = rng.sample(PARAGRAPHS, rng.randrange(6, 10))
    body = [_capitalised(p.format(**words)) for p in paragraphs]
    dateline = f"{first[2].upper()}, {MONTHS[date.month - 1][:3]} {date.day} - "
    text = "\n\n".join([rng.choice(HEADLINES).format(**words), dateline + body[0], *body[1:]])
    return f"{date.isoformat()}_generated_{number:03d}.txt", text + "\n"


def _capitalised(sentence: str) -> str:
    """'the United Nations said ...' opening a paragraph -> 'The United Nations said ...'."""
    return sentence[:1].upper() + sentence[1:]


def write_generated_corpus(folder: Path, count: int, *, seed: int = 0) -> list[Path]:
    """Write ``count`` generated articles into ``folder`` (created); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, count + 1):
        name, text = generated_article(number, seed=seed)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
