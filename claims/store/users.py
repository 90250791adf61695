"""Dashboard users: names, roles and Argon2 password hashes (argon2-cffi), and who may do what."""
from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from claims.store.edits import EditError
from claims.store.tables import USER_ROLES, User

FIRST_ADMIN = "admin"
MIN_PASSWORD = 8
# What each role may do, on top of the roles below it.
PERMISSIONS = {"viewer": {"read", "export"}, "analyst": {"annotate", "add-sources"}, "admin": {"merge", "edit-topics"}}

_hasher = PasswordHasher()


def can(role: str | None, action: str) -> bool:
    """Whether a user with `role` may do `action` (read, export, annotate, merge, edit-topics, add-sources)."""
    if role not in USER_ROLES:
        return False
    granted = set()
    for level in USER_ROLES[:USER_ROLES.index(role) + 1]:
        granted |= PERMISSIONS[level]
    return action in granted


def add_user(session: Session, name: str, role: str, password: str) -> User:
    name = name.strip()
    if not name:
        raise EditError("a user needs a name")
    if role not in USER_ROLES:
        raise EditError(f"role must be one of {', '.join(USER_ROLES)}, not {role!r}")
    if len(password) < MIN_PASSWORD:
        raise EditError(f"the password must have at least {MIN_PASSWORD} characters")
    if session.exec(select(User).where(User.name == name)).first():
        raise EditError(f"user {name!r} exists already")
    user = User(name=name, role=role, password_hash=_hasher.hash(password))
    session.add(user)
    session.commit()
    return user


def set_password(session: Session, name: str, password: str) -> User:
    user = session.exec(select(User).where(User.name == name)).first()
    if user is None:
        raise EditError(f"no user {name!r}")
    if len(password) < MIN_PASSWORD:
        raise EditError(f"the password must have at least {MIN_PASSWORD} characters")
    user.password_hash = _hasher.hash(password)
    session.commit()
    return user


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The user, if the password is theirs; None otherwise (the same for an unknown name)."""
    user = session.exec(select(User).where(User.name == name.strip())).first()
    if user is None:
        _hasher.hash(password)  # as slow as a real check, so timing does not tell which names exist
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return user


def list_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.name)))


def ensure_first_admin(session: Session) -> str | None:
    """On a store with no users, create `admin` with a random password and return that password (to be
    shown once); None when users exist already."""
    if session.exec(select(User.id)).first() is not None:
        return None
    password = secrets.token_urlsafe(12)
    add_user(session, FIRST_ADMIN, "admin", password)
    return password
