"""Verification codes: 80 random bits people can read out and type.

Crockford base32 avoids the letters I, L, O and U, so typing 0/O or 1/I/L
gives the same code. Sixteen characters in groups of four: `7KQ4-M2ZP-XR9D-H3TW`.
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16  # 16 x 5 bits = 80 bits of entropy
_TYPO_MAP = str.maketrans({"O": "0", "I": "1", "L": "1"})


def generate_code() -> str:
    """A fresh random code (unformatted); uniqueness is enforced by the database."""
    return "".join(secrets.choice(ALPHABET) for _i in range(CODE_LENGTH))


def format_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise_code(typed: str) -> str | None:
    """The stored form of a typed code, or None when it cannot be a code at all."""
    cleaned = "".join(
        ch for ch in (typed or "")[:64].upper() if ch not in " -\t"
    ).translate(_TYPO_MAP)
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned
