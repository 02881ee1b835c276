from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.db_error_body import DbErrorBody
from ...models.error_body import ErrorBody
from ...models.lease_extend_request import LeaseExtendRequest
from ...models.lease_extend_result import LeaseExtendResult
from ...types import Response


def _get_kwargs(
    lease_id: str,
    *,
    body: LeaseExtendRequest | dict[str, Any] | list[Any],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/lease/{lease_id}/extend".format(
            lease_id=quote(str(lease_id), safe="!$&'()*+,;=:@"),
        ),
    }

    if isinstance(body, (dict, list)):
        _kwargs["json"] = body
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def request_kwargs(
    lease_id: str,
    *,
    body: LeaseExtendRequest | dict[str, Any] | list[Any],
) -> dict[str, Any]:
    """Build the `httpx` request arguments (`method`, `url`, and `params`, `json`, `headers` when
    used) for this operation, without sending anything.

    `body` may be the generated model or plain JSON-ready data (`dict`/`list`), which is sent
    as given.

    Returns:
        dict[str, Any]: keyword arguments for `httpx.Client.request` / `httpx.AsyncClient.request`.
    """
    return _get_kwargs(
        lease_id=lease_id,
        body=body,
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DbErrorBody | ErrorBody | list[LeaseExtendResult] | None:
    if not response.content:
        # Queen sends empty bodies for empty results, 204 and CORS preflights.
        return None
    if response.status_code == 200:
        try:
            body = response.json()
        except ValueError:
            return None

        def _parse_response_200(
            data: object,
        ) -> DbErrorBody | ErrorBody | list[LeaseExtendResult]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_0 = []
                _response_200_type_0 = data
                for (
                    componentsschemas_lease_extend_response_item_data
                ) in _response_200_type_0:
                    componentsschemas_lease_extend_response_item = (
                        LeaseExtendResult.from_dict(
                            componentsschemas_lease_extend_response_item_data
                        )
                    )

                    response_200_type_0.append(
                        componentsschemas_lease_extend_response_item
                    )

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = DbErrorBody.from_dict(data)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_2 = ErrorBody.from_dict(data)

            return response_200_type_2

        response_200 = _parse_response_200(body)

        return response_200

    if response.status_code == 400:
        try:
            body = response.json()
        except ValueError:
            return None
        response_400 = ErrorBody.from_dict(body)

        return response_400

    if response.status_code == 401:
        try:
            body = response.json()
        except ValueError:
            return None
        response_401 = ErrorBody.from_dict(body)

        return response_401

    if response.status_code == 403:
        try:
            body = response.json()
        except ValueError:
            return None
        response_403 = ErrorBody.from_dict(body)

        return response_403

    if response.status_code == 413:
        try:
            body = response.json()
        except ValueError:
            return None
        response_413 = ErrorBody.from_dict(body)

        return response_413

    if response.status_code == 503:
        try:
            body = response.json()
        except ValueError:
            return None
        response_503 = ErrorBody.from_dict(body)

        return response_503

    if 400 <= response.status_code <= 499:
        try:
            body = response.json()
        except ValueError:
            return None
        response_4xx = ErrorBody.from_dict(body)

        return response_4xx

    if 500 <= response.status_code <= 599:
        try:
            body = response.json()
        except ValueError:
            return None
        response_5xx = ErrorBody.from_dict(body)

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DbErrorBody | ErrorBody | list[LeaseExtendResult]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    lease_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LeaseExtendRequest,
) -> Response[DbErrorBody | ErrorBody | list[LeaseExtendResult]]:
    """Extend a lease

     Pushes the lease's expiry to at least now + `seconds` (it never shortens a lease). A JSON
    object body is required, even if empty. The answer is a one-element array whose item
    says whether the lease was found and still active.

    Args:
        lease_id (str):
        body (LeaseExtendRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DbErrorBody | ErrorBody | list[LeaseExtendResult] | ErrorBody]
    """

    kwargs = _get_kwargs(
        lease_id=lease_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    lease_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LeaseExtendRequest,
) -> DbErrorBody | ErrorBody | list[LeaseExtendResult] | None:
    """Extend a lease

     Pushes the lease's expiry to at least now + `seconds` (it never shortens a lease). A JSON
    object body is required, even if empty. The answer is a one-element array whose item
    says whether the lease was found and still active.

    Args:
        lease_id (str):
        body (LeaseExtendRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DbErrorBody | ErrorBody | list[LeaseExtendResult] | ErrorBody
    """

    return sync_detailed(
        lease_id=lease_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    lease_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LeaseExtendRequest,
) -> Response[DbErrorBody | ErrorBody | list[LeaseExtendResult]]:
    """Extend a lease

     Pushes the lease's expiry to at least now + `seconds` (it never shortens a lease). A JSON
    object body is required, even if empty. The answer is a one-element array whose item
    says whether the lease was found and still active.

    Args:
        lease_id (str):
        body (LeaseExtendRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DbErrorBody | ErrorBody | list[LeaseExtendResult] | ErrorBody]
    """

    kwargs = _get_kwargs(
        lease_id=lease_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    lease_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: LeaseExtendRequest,
) -> DbErrorBody | ErrorBody | list[LeaseExtendResult] | None:
    """Extend a lease

     Pushes the lease's expiry to at least now + `seconds` (it never shortens a lease). A JSON
    object body is required, even if empty. The answer is a one-element array whose item
    says whether the lease was found and still active.

    Args:
        lease_id (str):
        body (LeaseExtendRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DbErrorBody | ErrorBody | list[LeaseExtendResult] | ErrorBody
    """

    return (
        await asyncio_detailed(
            lease_id=lease_id,
            client=client,
            body=body,
        )
    ).parsed
