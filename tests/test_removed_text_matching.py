"""How a removed text is found again in a field, a page or a record (app.releases.shown_texts):
one long enough is found with one or two of its characters hidden, anywhere in a long text."""

from __future__ import annotations

import random

from app.releases import NEARLY_WHOLE, shown_texts

REMOVED_ID = "110105198503071230"
PAGE = "关于开展安全生产检查的通知。各单位要按照要求做好检查工作，及时报送情况。" * 150


def _shown_with_hidden(haystack: str, needle: str) -> bool:
    """The definition: some window of the haystack is the needle with one or two characters left
    out (what a mask such as 11010519850307123* reads as once symbols are dropped)."""
    for hidden in (1, 2):
        width = len(needle) - hidden
        for start in range(len(haystack) - width + 1):
            rest = iter(needle)
            if all(c in rest for c in haystack[start : start + width]):
                return True
    return False


def test_an_id_with_its_last_digits_masked_is_found_deep_in_a_page():
    assert shown_texts(f"{PAGE}举报人证件号码{REMOVED_ID[:-1]}*。{PAGE}", [REMOVED_ID]) == [REMOVED_ID]
    assert shown_texts(f"{PAGE}{REMOVED_ID[:7]}*{REMOVED_ID[8:-1]}*{PAGE}", [REMOVED_ID]) == [REMOVED_ID]
    # Three hidden is a mask, as the reviewer's own 110105***********0 is.
    assert shown_texts(f"{PAGE}{REMOVED_ID[:6]}***{REMOVED_ID[9:]}{PAGE}", [REMOVED_ID]) == []


def test_the_search_finds_exactly_what_the_definition_does():
    rng = random.Random(20)
    for _ in range(3000):
        needle = "".join(rng.choice("0123456789x") for _ in range(rng.randint(NEARLY_WHOLE, 19)))
        shown = list(needle)
        for _ in range(rng.randint(0, 3)):
            del shown[rng.randrange(len(shown))]
        if rng.random() < 0.3:
            shown.insert(rng.randrange(len(shown) + 1), rng.choice("0123456789"))
        noise = "0123456789甲乙"
        haystack = "".join(rng.choices(noise, k=rng.randint(0, 12))) + "".join(shown)
        haystack += "".join(rng.choices(noise, k=rng.randint(0, 12)))
        expected = needle in haystack or _shown_with_hidden(haystack, needle)
        assert bool(shown_texts(haystack, [needle])) == expected, (haystack, needle)
