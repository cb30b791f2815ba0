"""Leaders by date: a name beside a post the person did not hold on the document's date, a name
one character off beside a post, and leaders listed out of protocol order.

Posts before a name are their full forms (国务院总理李强; a chain 中共中央总书记、国家主席、中央军委主席习近平
is judged post by post); after a name, their short forms (李强总理). A short form also used for
local posts (主席) lowers what it finds to a warning, and a name that never held such a post is not
judged by it (a county's 政协主席 may well be called 李强). A look back is not an error: a prefix
(原、时任、曾任 …), a year within the person's term in the same sentence, or an obituary's words.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator

from review.model import Severity
from review.wording.base import (
    ERRORS,
    HELD,
    LEADER_NAME,
    LEADER_ORDER,
    LEADER_POST,
    MSG_LEADER_NAME,
    MSG_LEADER_ORDER,
    MSG_LEADER_POST,
    MSG_LEADER_POST_PAST,
    NOT_HELD,
    TERM,
    TERM_OPEN,
    WordingHit,
    is_cjk,
    sentence_around,
    years_in,
)
from review.wording.packs import Post, Precedence, Tenure

_PAST_PREFIX = re.compile(
    r"(?:原|时任|前任|曾任|历任|首任|原任|已故|担任|出任|接任|卸任|(?<![目当此之以])前)$"
)
_OBITUARY = re.compile(r"逝世|去世|遗体|追悼|悼念|生平|诞辰|纪念.{0,6}(?:同志|诞辰)")
# What may stand between two names of a list: 习近平、李强、赵乐际 / 习近平同志和李强同志.
_LIST_GAP = re.compile(r"(?:同志)?[、,和与及]?(?:同志)?")


class Leaders:
    def __init__(self, posts: dict[str, Post], tenures: list[Tenure], order: list[Precedence]) -> None:
        self.posts = posts
        self.full_forms: dict[str, str] = {}  # full form or alias -> post
        self.short_forms: dict[str, list[str]] = {}  # short form -> posts
        for tenure in tenures:
            self.full_forms.setdefault(tenure.post, tenure.post)
        for post in posts.values():
            self.full_forms[post.name] = post.name
            for alias in post.aliases:
                self.full_forms[alias] = post.name
            for short in post.shorts:
                self.short_forms.setdefault(short, []).append(post.name)
        self.exclusive = {
            short: all(posts[p].short_exclusive for p in names) for short, names in self.short_forms.items()
        }
        self.by_name: dict[str, list[Tenure]] = {}
        self.by_post: dict[str, list[Tenure]] = {}
        for tenure in tenures:
            self.by_name.setdefault(tenure.name, []).append(tenure)
            self.by_post.setdefault(tenure.post, []).append(tenure)
        self.order = sorted(order, key=lambda o: o.start)
        self.names = set(self.by_name) | {n for o in order for n in o.names}
        self._holders_on: tuple[dt.date, dict[str, list[str]]] | None = None
        self._candidates_of: dict[tuple[str, ...], set[str]] = {}

    def patterns(self) -> Iterator[tuple[str, str, str]]:
        """(pattern, kind, value): full post forms, short forms, names."""
        for form, post in self.full_forms.items():
            yield form, "post", post
        for short in self.short_forms:
            yield short, "short", short
        for name in self.names:
            yield name, "name", name

    def find(
        self,
        text: str,
        # Matched leftmost-longest: no post inside a longer one (总理 in 国务院总理).
        posts: list[tuple[int, int, str]],
        shorts: list[tuple[int, int, str]],
        names: list[tuple[int, int, str]],
        on: dt.date,
    ) -> list[WordingHit]:
        if not (posts or shorts) and len(names) < 2:
            return []
        name_at = {start: name for start, _end, name in names}
        name_ending = {end: name for _start, end, name in names}
        holders = self._holders(on)
        out: list[WordingHit] = []
        if posts:
            out += self._posts_before_names(text, posts, name_at, holders, on)
        if shorts:
            out += self._names_before_posts(text, shorts, name_ending, holders, on)
        if len(names) > 1:
            out += self._order(text, names, on)
        return out

    def _holders(self, on: dt.date) -> dict[str, list[str]]:
        """Who held each post on the date (a document has one date: kept for the next stream)."""
        if self._holders_on is None or self._holders_on[0] != on:
            held = {post: [t.name for t in tenures if t.holds(on)] for post, tenures in self.by_post.items()}
            self._holders_on = (on, held)
        return self._holders_on[1]

    def _candidates(self, posts: tuple[str, ...]) -> set[str]:
        """Everyone who ever held one of the posts (for names one character off)."""
        found = self._candidates_of.get(posts)
        if found is None:
            found = self._candidates_of[posts] = {t.name for p in posts for t in self.by_post.get(p, [])}
        return found

    # -- post before a name --------------------------------------------------------------------

    def _posts_before_names(
        self,
        text: str,
        posts: list[tuple[int, int, str]],
        name_at: dict[int, str],
        holders: dict[str, list[str]],
        on: dt.date,
    ) -> Iterator[WordingHit]:
        posts = sorted(posts)
        starts = {s for s, _, _ in posts}
        # The posts of the chain (国务院副总理、财政部部长…) the post at hand ends, where it starts,
        # and where the post before ended.
        chained: tuple[str, ...] = ()
        chain_start = last_end = -2
        for start, end, post in posts:
            if chained and last_end + 1 == start and text[last_end] == "、":
                chained += (post,)
            else:
                chain_start, chained = start, (post,)
            last_end = end
            if end + 1 in starts and text[end] == "、":
                continue  # the chain goes on: the name comes after its last post
            name = name_at.get(end)
            if name:
                if len(chained) == 1 and _right_or_unknown(holders, post, name):
                    continue  # nearly always: no generator for _judge to say nothing
                yield from self._judge(text, chain_start, end + len(name), name, chained, holders, on)
            else:
                yield from self._near_name_after(text, chain_start, end, chained, holders)

    def _judge(
        self,
        text: str,
        start: int,
        end: int,
        name: str,
        posts: tuple[str, ...],
        holding: dict[str, list[str]],
        on: dt.date,
    ) -> Iterator[WordingHit]:
        for post in posts:
            if _right_or_unknown(holding, post, name):
                continue
            holders = holding[post]
            own = [t for t in self.by_name.get(name, []) if t.post == post]
            if self._looking_back(text, start, end, own):
                return
            yield WordingHit(
                start,
                end,
                LEADER_POST,
                ERRORS,
                Severity.BLOCKING,
                MSG_LEADER_POST.format(
                    date=on.isoformat(),
                    post=post,
                    holders="、".join(holders),
                    name=name,
                    held=_held(own),
                    suggestion=f"{post}{holders[0]}",
                ),
                name,
            )
            return

    def _near_name_after(
        self, text: str, start: int, end: int, posts: tuple[str, ...], holders: dict[str, list[str]]
    ) -> Iterator[WordingHit]:
        best = _one_off(text, end, self._candidates(posts), after=True, names=self.names)
        if best:
            current = [n for n in best if any(n in holders.get(p, ()) for p in posts)]
            right = (current or sorted(best))[0]
            yield WordingHit(
                start,
                end + len(right),
                LEADER_NAME,
                ERRORS,
                Severity.BLOCKING,
                MSG_LEADER_NAME.format(suggestion=text[start:end] + right),
                right,
            )

    # -- name before a short form ----------------------------------------------------------------

    def _names_before_posts(
        self,
        text: str,
        shorts: list[tuple[int, int, str]],
        name_ending: dict[int, str],
        holding: dict[str, list[str]],
        on: dt.date,
    ) -> Iterator[WordingHit]:
        for start, end, short in shorts:
            posts = self.short_forms[short]
            exclusive = self.exclusive[short]
            name = name_ending.get(start)
            if name is not None and any(name in holding.get(p, ()) for p in posts):
                continue  # right: the common case
            if not any(holding.get(p) for p in posts):
                continue  # the pack knows no one in these posts on that date
            if name is None:
                candidates = self._candidates(tuple(posts))
                if not exclusive:
                    candidates = {c for c in candidates if len(c) >= 3}
                best = _one_off(text, start, candidates, after=False, names=self.names)
                if best:
                    current = [n for n in best if any(n in holding.get(p, ()) for p in posts)]
                    right = (current or sorted(best))[0]
                    yield WordingHit(
                        start - len(right),
                        end,
                        LEADER_NAME,
                        ERRORS,
                        Severity.BLOCKING if exclusive else Severity.WARNING,
                        MSG_LEADER_NAME.format(suggestion=right + short),
                        right,
                    )
                continue
            tenures = [t for t in self.by_name.get(name, []) if t.post in posts]
            if not tenures and not exclusive:
                continue
            name_start = start - len(name)
            if self._looking_back(text, name_start, end, tenures):
                continue
            if tenures:
                message = MSG_LEADER_POST_PAST.format(
                    name=name,
                    held=_held(tenures),
                    date=on.isoformat(),
                    suggestion=f"时任{tenures[0].post}{name}",
                )
            else:
                holders = [n for p in posts for n in holding.get(p, ())]
                message = MSG_LEADER_POST.format(
                    date=on.isoformat(),
                    post="、".join(posts),
                    holders="、".join(holders),
                    name=name,
                    held=NOT_HELD,
                    suggestion=holders[0] + short,
                )
            severity = Severity.BLOCKING if exclusive else Severity.WARNING
            yield WordingHit(name_start, end, LEADER_POST, ERRORS, severity, message, name)

    def _looking_back(self, text: str, start: int, end: int, tenures: list[Tenure]) -> bool:
        """Whether the sentence speaks of the past: a prefix, a year in the person's term, an obituary."""
        if _PAST_PREFIX.search(text, max(0, start - 3), start):
            return True
        lo, hi = sentence_around(text, start, end)
        if _OBITUARY.search(text, lo, hi):
            return True
        for first, last in years_in(text, lo, hi):
            for t in tenures:
                if t.start.year <= last and first <= (t.end.year if t.end else 9999):
                    return True
        return False

    # -- protocol order ----------------------------------------------------------------------------

    def _order(self, text: str, names: list[tuple[int, int, str]], on: dt.date) -> Iterator[WordingHit]:
        period = next((o for o in self.order if o.covers(on)), None)
        if period is None:
            return
        rank = {n: i for i, n in enumerate(period.names)}
        runs: list[list[tuple[int, int, str]]] = [[]]
        for item in names:  # in text order, none inside another (matched leftmost-longest)
            if item[2] not in rank:
                continue
            run = runs[-1]
            if run and item[0] - run[-1][1] <= 5 and _LIST_GAP.fullmatch(text, run[-1][1], item[0]):
                run.append(item)
            else:
                runs.append([item])
        for run in runs:
            if len(run) < 2:
                continue
            ranks = [rank[n] for _, _, n in run]
            if len(set(ranks)) < 2 or len(set(ranks)) != len(ranks):
                continue
            if all(a < b for a, b in itertools.pairwise(ranks)):
                continue
            right = "、".join(sorted((n for _, _, n in run), key=rank.__getitem__))
            yield WordingHit(
                run[0][0],
                run[-1][1],
                LEADER_ORDER,
                ERRORS,
                Severity.WARNING,
                MSG_LEADER_ORDER.format(suggestion=right),
                "、".join(n for _, _, n in run),
            )


def _right_or_unknown(holding: dict[str, list[str]], post: str, name: str) -> bool:
    """Whether `name` held `post` on the date, or no one is known to have."""
    held = holding.get(post)
    return not held or name in held


def _held(tenures: list[Tenure]) -> str:
    if not tenures:
        return NOT_HELD
    terms = "、".join(
        TERM.format(start=t.start.isoformat(), end=t.end.isoformat())
        if t.end
        else TERM_OPEN.format(start=t.start)
        for t in sorted(tenures, key=lambda t: t.start)
    )
    return HELD.format(terms=terms)


def _one_off(text: str, at: int, candidates: set[str], *, after: bool, names: set[str]) -> list[str]:
    """Names of `candidates` that the text beside `at` spells with one character wrong (same length,
    every character Chinese, and not itself another known name)."""
    found = []
    for name in candidates:
        n = len(name)
        lo, hi = (at, at + n) if after else (at - n, at)
        if lo < 0 or hi > len(text):
            continue
        written = text[lo:hi]
        if written == name or written in names or not all(is_cjk(c) for c in written):
            continue
        if sum(a != b for a, b in zip(written, name, strict=True)) == 1:
            found.append(name)
    return found
