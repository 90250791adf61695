"""The store and the signed-in user: the cached ClaimStore, sign-in, permissions."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from claims.store import ClaimStore, database_url, users


def db_url() -> str:
    """The database this app runs on (DATABASE_URL, as `claims dashboard` sets it); a cache key everywhere."""
    return database_url(None)


@st.cache_resource(show_spinner="Opening the claim store…")
def _open_store(url: str) -> ClaimStore:
    return ClaimStore(url)


def store() -> ClaimStore:
    return _open_store(db_url())


def display_url() -> str:
    return store().display_url


def invalidate() -> None:
    """After an edit or an ingest: every cached read is dropped (the caches are shared by all sessions)."""
    st.cache_data.clear()


USER_KEY = "user"


@dataclass(frozen=True)
class SignedIn:
    name: str
    role: str


def sign_in(name: str, password: str) -> SignedIn | None:
    with store().session() as session:
        found = users.authenticate(session, name, password)
    if found is None:
        return None
    st.session_state[USER_KEY] = SignedIn(found.name, found.role)
    return st.session_state[USER_KEY]


def sign_out() -> None:
    for key in list(st.session_state.keys()):
        del st.session_state[key]


def current_user() -> SignedIn | None:
    return st.session_state.get(USER_KEY)


def require_user() -> SignedIn:
    """The first call of every page: nobody signed in, nothing shown (app.py shows the sign-in form)."""
    user = current_user()
    if user is None:
        st.warning("Sign in first.")
        st.stop()
    return user


def allowed(action: str) -> bool:
    user = current_user()
    return user is not None and users.can(user.role, action)


class NotAllowed(PermissionError):
    """The signed-in user's role does not allow the action; str() is one line for the user."""


def _require(action: str) -> str:
    """The signed-in user's name, if they may do `action`: a second check behind the hidden widgets, on
    the role the database holds now (an admin may have changed it since the user signed in)."""
    user = current_user()
    if user is not None:
        with store().session() as session:
            found = next((u for u in users.list_users(session) if u.name == user.name), None)
        if found is not None and users.can(found.role, action):
            return found.name
    raise NotAllowed(f"{user.name if user else 'nobody'} may not {action}")


def _read(function: Callable, *args, **kwargs):
    with store().session() as session:
        return function(session, *args, **kwargs)
