"""Relevance: the order of what a search found, when no column sort is chosen. The rules, in order:

1. a province named in the query: that province's records first;
2. typos: every word as typed before split or joined words, before one typo, before two;
3. proximity: the words next to each other and in order (a phrase) before scattered;
4. attribute: where the words land: all in the name, else in the name or the details (province,
   producer, booth, code, group, exhibitor type), else also the English name, else the description;
5. exactness: the accents as typed (in the name), then the word being typed as a whole word before as
   the start of a longer one;
6. the name starts with the query;
7. stars, high first; then the Vietnamese order of the names.

Like Meilisearch's bucket sort, each rule splits the records that tie so far into levels, with sets of
records (bitset.py) instead of a score per record: a rule costs a few set operations, whatever the number
of records, and the records of a bucket come out in the default (name) order, the last tie-break.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ocop_tui.search.matching import Matcher, SlotMatch
from ocop_tui.search.word_index import Rank

Levels = list[int]  # sets of records, best first; what is in none of them comes last


def bucket_sort(found: int, rules: Sequence[Levels]) -> list[int]:
    """`found` split by `rules`, in order: the buckets of records that tie on every rule, best first."""
    buckets = [found] if found else []
    for levels in rules:
        if not levels:
            continue
        split: list[int] = []
        for bucket in buckets:
            rest = bucket
            for level in levels:
                part = rest & level
                if part:
                    split.append(part)
                    rest &= ~level
                    if not rest:
                        break
            if rest:
                split.append(rest)
        buckets = split
    return buckets


def relevance_rules(found: int, matches: Sequence[SlotMatch], matcher: Matcher, *, with_typos: bool,
                    province: int, stars: Sequence[int],
                    accented: Callable[[int, Sequence[str]], int]) -> list[Levels]:  # fmt: skip
    """The levels of each rule for one search (see the module's docstring)."""
    content = [match for match in matches if match.slot.content]
    rules: list[Levels] = [[province] if province else []]
    rules.append(_typo_levels(found, matches, with_typos))
    words = [match.slot.words[0] for match in content if match.slot.kind == "word"]
    needle = " " + " ".join(word.text for word in words) + ("" if words and words[-1].open else " ")
    if len(words) > 1:
        by_rank = matcher.phrase_ranks(found, needle)
        rules.append([by_rank[0] | by_rank[1] | by_rank[2] | by_rank[3]])
    if content:
        levels = []
        for rank in (Rank.NAME, Rank.DETAILS, Rank.ENGLISH):
            landed = found
            for match in content:
                landed &= match.landing(rank, with_typos)
            levels.append(landed)
        rules.append(levels)
    spelled = [word.spelled for match in content for word in match.slot.words if word.spelled != word.text]
    if spelled:
        rules.append([accented(found, spelled)])
    if content and content[-1].slot.words[-1].open:
        rules.append([content[-1].whole()])
    if words:
        rules.append([matcher.phrase_ranks(found, needle, starts=True)[Rank.NAME]])
    rules.append(list(stars))
    return rules


def _typo_levels(found: int, matches: Sequence[SlotMatch], with_typos: bool) -> Levels:
    """Records by the total cost of their cheapest way to meet every slot: 0 first."""
    totals: dict[int, int] = {0: found}
    for match in matches:
        levels = match.cost_levels(with_typos)
        if set(levels) <= {0}:
            continue
        combined: dict[int, int] = {}
        for total, records in totals.items():
            for cost, meeting in levels.items():
                part = records & meeting
                if part:
                    combined[total + cost] = combined.get(total + cost, 0) | part
        totals = combined
    return [totals[total] for total in sorted(totals)] if len(totals) > 1 else []
