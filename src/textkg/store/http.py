"""HTTP to a SPARQL server: a checked endpoint URL, credentials that never leave its origin, and
errors that print safely.

httpx does the HTTP (streamed bodies both ways, timeouts, basic authentication); redirects are
never followed blindly: only to the same origin and keeping the method and body (307, 308, or any
redirect of a GET). Any other redirect is an error naming where it pointed, so a password never
reaches another host and a write never turns into a GET that "succeeds" with nothing stored.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import EndpointError, StoreError, printable

CONNECT_SECONDS = 30.0
MAX_REDIRECTS = 3
ERROR_BODY_CHARS = 300
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")


def redact(url: str) -> str:
    """``url`` without its user name and password, and safe to print.

    >>> redact("http://alice:s3cret@example.org:7878/store?graph=x")
    'http://***@example.org:7878/store?graph=x'
    """
    return printable(_USERINFO.sub(r"\1***@", url))


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL server URL (http or https, with a host) and optional HTTP basic authentication.
    Credentials never come from the URL: a URL holding them is refused, since it would show in
    ``ps``, shell history and logs; the password is not part of the repr."""

    url: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        shown = redact(self.url)
        try:
            parts = urlsplit(self.url)
            parts.port  # noqa: B018 - raises ValueError on a port that is no number
        except ValueError as exc:
            raise EndpointError(f"{shown}: not a valid URL ({exc})") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise EndpointError(f"{shown}: an endpoint is an http:// or https:// URL with a host")
        if "@" in parts.netloc:
            raise EndpointError(
                f"{shown}: credentials in the URL would show in process lists and logs; "
                "give --user NAME and the password in $TEXTKG_PASSWORD (or at the prompt)"
            )
        try:
            httpx.URL(self.url)
        except httpx.InvalidURL as exc:
            raise EndpointError(f"{shown}: not a valid URL ({exc})") from None

    @property
    def shown(self) -> str:
        return redact(self.url)

    def auth(self) -> httpx.BasicAuth | None:
        return None if self.user is None else httpx.BasicAuth(self.user, self.password or "")


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


def _may_follow(method: str, status: int, here: httpx.URL, there: httpx.URL) -> bool:
    same_method = status in (307, 308) or method in ("GET", "HEAD")
    return same_method and _origin(here) == _origin(there)


@contextlib.contextmanager
def exchange(
    endpoint: Endpoint,
    method: str,
    url: str,
    *,
    body: Callable[[], Iterable[bytes] | bytes] | None = None,
    headers: dict[str, str] | None = None,
    timeout: float,
) -> Iterator[httpx.Response]:
    """One request and its streamed response (status 2xx; anything else is a StoreError with the
    server's message, made printable). ``body`` makes the request body (again, if a redirect must
    be followed); ``timeout`` bounds connecting, each read and each write."""
    limits = httpx.Timeout(timeout, connect=min(timeout, CONNECT_SECONDS))
    target = httpx.URL(url)
    # trust_env=False: no proxy or .netrc from the environment sees the request or adds credentials
    with httpx.Client(follow_redirects=False, timeout=limits, trust_env=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            request = client.build_request(method, target, content=body() if body else None, headers=headers)
            try:
                response = client.send(request, auth=endpoint.auth(), stream=True)
            except httpx.TimeoutException as exc:
                raise StoreError(f"{method} {redact(str(target))}: no answer within {timeout:g} s ({type(exc).__name__})") from None
            except httpx.HTTPError as exc:
                raise StoreError(f"{method} {redact(str(target))}: cannot reach the endpoint: {printable(str(exc))}") from None
            try:
                if response.is_redirect:
                    there = httpx.URL(urljoin(str(target), response.headers.get("location", "")))
                    if not _may_follow(method, response.status_code, target, there):
                        raise StoreError(
                            f"{method} {redact(str(target))}: the server redirects to {redact(str(there))} (HTTP {response.status_code}); "
                            "textkg follows no redirect to another origin nor one that would turn a write into a GET: "
                            "give that URL as --endpoint if it is the right one"
                        )
                    target = there
                    continue
                if not response.is_success:
                    raise StoreError(f"{method} {redact(str(target))}: HTTP {response.status_code} {printable(response.reason_phrase)}{_detail(response)}")
                yield response
                return
            finally:
                response.close()
        raise StoreError(f"{method} {redact(url)}: more than {MAX_REDIRECTS} redirects")


def _detail(response: httpx.Response) -> str:
    """The start of an error response's body, on one line and printable."""
    try:
        text = b"".join(response.iter_bytes())[: ERROR_BODY_CHARS * 4].decode("utf-8", "replace")
    except httpx.HTTPError:
        return ""
    text = " ".join(text.split())[:ERROR_BODY_CHARS]
    return f": {printable(text)}" if text else ""
