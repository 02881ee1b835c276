from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.db_error_body import DbErrorBody
from ...models.error_body import ErrorBody
from ...models.message_action_response import MessageActionResponse
from ...types import Response


def _get_kwargs(
    partition_id: str,
    transaction_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/messages/{partition_id}/{transaction_id}".format(
            partition_id=quote(str(partition_id), safe="!$&'()*+,;=:@"),
            transaction_id=quote(str(transaction_id), safe="!$&'()*+,;=:@"),
        ),
    }

    return _kwargs


def request_kwargs(
    partition_id: str,
    transaction_id: str,
) -> dict[str, Any]:
    """Build the `httpx` request arguments (`method`, `url`, and `params`, `json`, `headers` when
    used) for this operation, without sending anything.

    Returns:
        dict[str, Any]: keyword arguments for `httpx.Client.request` / `httpx.AsyncClient.request`.
    """
    return _get_kwargs(
        partition_id=partition_id,
        transaction_id=transaction_id,
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DbErrorBody | ErrorBody | MessageActionResponse | None:
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
        ) -> DbErrorBody | ErrorBody | MessageActionResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = MessageActionResponse.from_dict(data)

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
) -> Response[DbErrorBody | ErrorBody | MessageActionResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partition_id: str,
    transaction_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DbErrorBody | ErrorBody | MessageActionResponse]:
    """Delete one message

     Hard-deletes the message with its DLQ entries and traces. Cursors are not moved. A
    missing message is a normal answer with `success: false`.

    Args:
        partition_id (str):
        transaction_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DbErrorBody | ErrorBody | MessageActionResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        partition_id=partition_id,
        transaction_id=transaction_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    partition_id: str,
    transaction_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> DbErrorBody | ErrorBody | MessageActionResponse | None:
    """Delete one message

     Hard-deletes the message with its DLQ entries and traces. Cursors are not moved. A
    missing message is a normal answer with `success: false`.

    Args:
        partition_id (str):
        transaction_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DbErrorBody | ErrorBody | MessageActionResponse | ErrorBody
    """

    return sync_detailed(
        partition_id=partition_id,
        transaction_id=transaction_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    partition_id: str,
    transaction_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DbErrorBody | ErrorBody | MessageActionResponse]:
    """Delete one message

     Hard-deletes the message with its DLQ entries and traces. Cursors are not moved. A
    missing message is a normal answer with `success: false`.

    Args:
        partition_id (str):
        transaction_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DbErrorBody | ErrorBody | MessageActionResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        partition_id=partition_id,
        transaction_id=transaction_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partition_id: str,
    transaction_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> DbErrorBody | ErrorBody | MessageActionResponse | None:
    """Delete one message

     Hard-deletes the message with its DLQ entries and traces. Cursors are not moved. A
    missing message is a normal answer with `success: false`.

    Args:
        partition_id (str):
        transaction_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DbErrorBody | ErrorBody | MessageActionResponse | ErrorBody
    """

    return (
        await asyncio_detailed(
            partition_id=partition_id,
            transaction_id=transaction_id,
            client=client,
        )
    ).parsed
