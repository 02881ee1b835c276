from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.db_error_body import DbErrorBody
from ...models.error_body import ErrorBody
from ...models.seek_response import SeekResponse
from ...models.seek_to_end_request import SeekToEndRequest
from ...models.seek_to_timestamp_request import SeekToTimestampRequest
from ...types import Response


def _get_kwargs(
    group: str,
    queue: str,
    *,
    body: SeekToEndRequest | SeekToTimestampRequest | dict[str, Any] | list[Any],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/consumer-groups/{group}/queues/{queue}/seek".format(
            group=quote(str(group), safe="!$&'()*+,;=:@"),
            queue=quote(str(queue), safe="!$&'()*+,;=:@"),
        ),
    }

    if isinstance(body, (dict, list)):
        _kwargs["json"] = body
    else:
        if isinstance(body, SeekToEndRequest):
            _kwargs["json"] = body.to_dict()
        else:
            _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def request_kwargs(
    group: str,
    queue: str,
    *,
    body: SeekToEndRequest | SeekToTimestampRequest | dict[str, Any] | list[Any],
) -> dict[str, Any]:
    """Build the `httpx` request arguments (`method`, `url`, and `params`, `json`, `headers` when
    used) for this operation, without sending anything.

    `body` may be the generated model or plain JSON-ready data (`dict`/`list`), which is sent
    as given.

    Returns:
        dict[str, Any]: keyword arguments for `httpx.Client.request` / `httpx.AsyncClient.request`.
    """
    return _get_kwargs(
        group=group,
        queue=queue,
        body=body,
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DbErrorBody | ErrorBody | SeekResponse | None:
    if not response.content:
        # Queen sends empty bodies for empty results, 204 and CORS preflights.
        return None
    if response.status_code == 200:
        try:
            body = response.json()
        except ValueError:
            return None

        def _parse_response_200(data: object) -> DbErrorBody | ErrorBody | SeekResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = SeekResponse.from_dict(data)

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
) -> Response[DbErrorBody | ErrorBody | SeekResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    group: str,
    queue: str,
    *,
    client: AuthenticatedClient | Client,
    body: SeekToEndRequest | SeekToTimestampRequest,
) -> Response[DbErrorBody | ErrorBody | SeekResponse]:
    """Move a group's cursors on a queue

     Moves every partition cursor of the group on the queue to the newest message
    (`toEnd: true`) or to the last message created before `timestamp`, so later messages are
    delivered again. `toEnd` wins when both are sent.

    Args:
        group (str):
        queue (str):
        body (SeekToEndRequest | SeekToTimestampRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DbErrorBody | ErrorBody | SeekResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        group=group,
        queue=queue,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    group: str,
    queue: str,
    *,
    client: AuthenticatedClient | Client,
    body: SeekToEndRequest | SeekToTimestampRequest,
) -> DbErrorBody | ErrorBody | SeekResponse | None:
    """Move a group's cursors on a queue

     Moves every partition cursor of the group on the queue to the newest message
    (`toEnd: true`) or to the last message created before `timestamp`, so later messages are
    delivered again. `toEnd` wins when both are sent.

    Args:
        group (str):
        queue (str):
        body (SeekToEndRequest | SeekToTimestampRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DbErrorBody | ErrorBody | SeekResponse | ErrorBody
    """

    return sync_detailed(
        group=group,
        queue=queue,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    group: str,
    queue: str,
    *,
    client: AuthenticatedClient | Client,
    body: SeekToEndRequest | SeekToTimestampRequest,
) -> Response[DbErrorBody | ErrorBody | SeekResponse]:
    """Move a group's cursors on a queue

     Moves every partition cursor of the group on the queue to the newest message
    (`toEnd: true`) or to the last message created before `timestamp`, so later messages are
    delivered again. `toEnd` wins when both are sent.

    Args:
        group (str):
        queue (str):
        body (SeekToEndRequest | SeekToTimestampRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DbErrorBody | ErrorBody | SeekResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        group=group,
        queue=queue,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    group: str,
    queue: str,
    *,
    client: AuthenticatedClient | Client,
    body: SeekToEndRequest | SeekToTimestampRequest,
) -> DbErrorBody | ErrorBody | SeekResponse | None:
    """Move a group's cursors on a queue

     Moves every partition cursor of the group on the queue to the newest message
    (`toEnd: true`) or to the last message created before `timestamp`, so later messages are
    delivered again. `toEnd` wins when both are sent.

    Args:
        group (str):
        queue (str):
        body (SeekToEndRequest | SeekToTimestampRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DbErrorBody | ErrorBody | SeekResponse | ErrorBody
    """

    return (
        await asyncio_detailed(
            group=group,
            queue=queue,
            client=client,
            body=body,
        )
    ).parsed
