from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.db_error_body import DbErrorBody
from ...models.dlq_list_response import DlqListResponse
from ...models.error_body import ErrorBody
from ...models.null_value_body import NullValueBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    queue: str | Unset = UNSET,
    consumer_group: str | Unset = UNSET,
    partition: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["queue"] = queue

    params["consumerGroup"] = consumer_group

    params["partition"] = partition

    params["from"] = from_

    params["to"] = to

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/dlq",
        "params": params,
    }

    return _kwargs


def request_kwargs(
    *,
    queue: str | Unset = UNSET,
    consumer_group: str | Unset = UNSET,
    partition: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> dict[str, Any]:
    """Build the `httpx` request arguments (`method`, `url`, and `params`, `json`, `headers` when
    used) for this operation, without sending anything.

    Returns:
        dict[str, Any]: keyword arguments for `httpx.Client.request` / `httpx.AsyncClient.request`.
    """
    return _get_kwargs(
        queue=queue,
        consumer_group=consumer_group,
        partition=partition,
        from_=from_,
        to=to,
        limit=limit,
        offset=offset,
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DbErrorBody | DlqListResponse | ErrorBody | NullValueBody | None:
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
        ) -> DbErrorBody | DlqListResponse | ErrorBody | NullValueBody:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = DlqListResponse.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = NullValueBody.from_dict(data)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_2 = DbErrorBody.from_dict(data)

                return response_200_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_3 = ErrorBody.from_dict(data)

            return response_200_type_3

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
) -> Response[DbErrorBody | DlqListResponse | ErrorBody | NullValueBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    queue: str | Unset = UNSET,
    consumer_group: str | Unset = UNSET,
    partition: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[DbErrorBody | DlqListResponse | ErrorBody | NullValueBody]:
    """List dead-lettered messages

     Dead-lettered messages, most recently failed first; `id` is the message id. Upstream
    applies `limit`/`offset` to one aggregated row: `limit` has no effect, and `offset` of 1
    or more (or `limit=0`) answers `{"success": true, "value": null}` (`NullValueBody`).

    Args:
        queue (str | Unset):
        consumer_group (str | Unset):
        partition (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DbErrorBody | DlqListResponse | ErrorBody | NullValueBody | ErrorBody]
    """

    kwargs = _get_kwargs(
        queue=queue,
        consumer_group=consumer_group,
        partition=partition,
        from_=from_,
        to=to,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    queue: str | Unset = UNSET,
    consumer_group: str | Unset = UNSET,
    partition: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> DbErrorBody | DlqListResponse | ErrorBody | NullValueBody | None:
    """List dead-lettered messages

     Dead-lettered messages, most recently failed first; `id` is the message id. Upstream
    applies `limit`/`offset` to one aggregated row: `limit` has no effect, and `offset` of 1
    or more (or `limit=0`) answers `{"success": true, "value": null}` (`NullValueBody`).

    Args:
        queue (str | Unset):
        consumer_group (str | Unset):
        partition (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DbErrorBody | DlqListResponse | ErrorBody | NullValueBody | ErrorBody
    """

    return sync_detailed(
        client=client,
        queue=queue,
        consumer_group=consumer_group,
        partition=partition,
        from_=from_,
        to=to,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    queue: str | Unset = UNSET,
    consumer_group: str | Unset = UNSET,
    partition: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[DbErrorBody | DlqListResponse | ErrorBody | NullValueBody]:
    """List dead-lettered messages

     Dead-lettered messages, most recently failed first; `id` is the message id. Upstream
    applies `limit`/`offset` to one aggregated row: `limit` has no effect, and `offset` of 1
    or more (or `limit=0`) answers `{"success": true, "value": null}` (`NullValueBody`).

    Args:
        queue (str | Unset):
        consumer_group (str | Unset):
        partition (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DbErrorBody | DlqListResponse | ErrorBody | NullValueBody | ErrorBody]
    """

    kwargs = _get_kwargs(
        queue=queue,
        consumer_group=consumer_group,
        partition=partition,
        from_=from_,
        to=to,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    queue: str | Unset = UNSET,
    consumer_group: str | Unset = UNSET,
    partition: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> DbErrorBody | DlqListResponse | ErrorBody | NullValueBody | None:
    """List dead-lettered messages

     Dead-lettered messages, most recently failed first; `id` is the message id. Upstream
    applies `limit`/`offset` to one aggregated row: `limit` has no effect, and `offset` of 1
    or more (or `limit=0`) answers `{"success": true, "value": null}` (`NullValueBody`).

    Args:
        queue (str | Unset):
        consumer_group (str | Unset):
        partition (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DbErrorBody | DlqListResponse | ErrorBody | NullValueBody | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            queue=queue,
            consumer_group=consumer_group,
            partition=partition,
            from_=from_,
            to=to,
            limit=limit,
            offset=offset,
        )
    ).parsed
