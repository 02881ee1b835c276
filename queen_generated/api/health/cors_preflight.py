from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import Response


def _get_kwargs(
    path: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "options",
        "url": "/{path}".format(
            path=quote(str(path), safe="!$&'()*+,;=:@"),
        ),
    }

    return _kwargs


def request_kwargs(
    path: str,
) -> dict[str, Any]:
    """Build the `httpx` request arguments (`method`, `url`, and `params`, `json`, `headers` when
    used) for this operation, without sending anything.

    Returns:
        dict[str, Any]: keyword arguments for `httpx.Client.request` / `httpx.AsyncClient.request`.
    """
    return _get_kwargs(
        path=path,
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | None:
    if not response.content:
        # Queen sends empty bodies for empty results, 204 and CORS preflights.
        return None
    if response.status_code == 200:
        return None

    if response.status_code == 204:
        return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    path: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any]:
    """CORS preflight (any path)

     Upstream answers OPTIONS on every path, routed or not, with the CORS headers and an
    empty body (it intends 204 but sends 200). Every path item of this document lists the
    preflight too; this template (one segment, as OpenAPI path parameters are) gives the
    generated client a function to send one. On unlisted paths of more than one segment
    the answer is `components.responses.CorsPreflight` as well.

    Args:
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        path=path,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    path: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any]:
    """CORS preflight (any path)

     Upstream answers OPTIONS on every path, routed or not, with the CORS headers and an
    empty body (it intends 204 but sends 200). Every path item of this document lists the
    preflight too; this template (one segment, as OpenAPI path parameters are) gives the
    generated client a function to send one. On unlisted paths of more than one segment
    the answer is `components.responses.CorsPreflight` as well.

    Args:
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        path=path,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
