from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.db_error_body import DbErrorBody
from ...models.error_body import ErrorBody
from ...models.status_analytics_response import StatusAnalyticsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    queue: str | Unset = UNSET,
    namespace: str | Unset = UNSET,
    task: str | Unset = UNSET,
    interval: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    params["queue"] = queue

    params["namespace"] = namespace

    params["task"] = task

    params["interval"] = interval

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/status/analytics",
        "params": params,
    }

    return _kwargs


def request_kwargs(
    *,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    queue: str | Unset = UNSET,
    namespace: str | Unset = UNSET,
    task: str | Unset = UNSET,
    interval: str | Unset = UNSET,
) -> dict[str, Any]:
    """Build the `httpx` request arguments (`method`, `url`, and `params`, `json`, `headers` when
    used) for this operation, without sending anything.

    Returns:
        dict[str, Any]: keyword arguments for `httpx.Client.request` / `httpx.AsyncClient.request`.
    """
    return _get_kwargs(
        from_=from_,
        to=to,
        queue=queue,
        namespace=namespace,
        task=task,
        interval=interval,
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DbErrorBody | ErrorBody | StatusAnalyticsResponse | None:
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
        ) -> DbErrorBody | ErrorBody | StatusAnalyticsResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = StatusAnalyticsResponse.from_dict(data)

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
) -> Response[DbErrorBody | ErrorBody | StatusAnalyticsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    queue: str | Unset = UNSET,
    namespace: str | Unset = UNSET,
    task: str | Unset = UNSET,
    interval: str | Unset = UNSET,
) -> Response[DbErrorBody | ErrorBody | StatusAnalyticsResponse]:
    """Message counts per time bucket

     Messages created per bucket. `interval` is `minute`, `hour` (default) or `day`; `from` defaults to
    now − 24 h. An unknown interval fails in SQL.

    Args:
        from_ (str | Unset):
        to (str | Unset):
        queue (str | Unset):
        namespace (str | Unset):
        task (str | Unset):
        interval (str | Unset):  Default: 'hour'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DbErrorBody | ErrorBody | StatusAnalyticsResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        queue=queue,
        namespace=namespace,
        task=task,
        interval=interval,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    queue: str | Unset = UNSET,
    namespace: str | Unset = UNSET,
    task: str | Unset = UNSET,
    interval: str | Unset = UNSET,
) -> DbErrorBody | ErrorBody | StatusAnalyticsResponse | None:
    """Message counts per time bucket

     Messages created per bucket. `interval` is `minute`, `hour` (default) or `day`; `from` defaults to
    now − 24 h. An unknown interval fails in SQL.

    Args:
        from_ (str | Unset):
        to (str | Unset):
        queue (str | Unset):
        namespace (str | Unset):
        task (str | Unset):
        interval (str | Unset):  Default: 'hour'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DbErrorBody | ErrorBody | StatusAnalyticsResponse | ErrorBody
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        queue=queue,
        namespace=namespace,
        task=task,
        interval=interval,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    queue: str | Unset = UNSET,
    namespace: str | Unset = UNSET,
    task: str | Unset = UNSET,
    interval: str | Unset = UNSET,
) -> Response[DbErrorBody | ErrorBody | StatusAnalyticsResponse]:
    """Message counts per time bucket

     Messages created per bucket. `interval` is `minute`, `hour` (default) or `day`; `from` defaults to
    now − 24 h. An unknown interval fails in SQL.

    Args:
        from_ (str | Unset):
        to (str | Unset):
        queue (str | Unset):
        namespace (str | Unset):
        task (str | Unset):
        interval (str | Unset):  Default: 'hour'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DbErrorBody | ErrorBody | StatusAnalyticsResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        queue=queue,
        namespace=namespace,
        task=task,
        interval=interval,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    queue: str | Unset = UNSET,
    namespace: str | Unset = UNSET,
    task: str | Unset = UNSET,
    interval: str | Unset = UNSET,
) -> DbErrorBody | ErrorBody | StatusAnalyticsResponse | None:
    """Message counts per time bucket

     Messages created per bucket. `interval` is `minute`, `hour` (default) or `day`; `from` defaults to
    now − 24 h. An unknown interval fails in SQL.

    Args:
        from_ (str | Unset):
        to (str | Unset):
        queue (str | Unset):
        namespace (str | Unset):
        task (str | Unset):
        interval (str | Unset):  Default: 'hour'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DbErrorBody | ErrorBody | StatusAnalyticsResponse | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            queue=queue,
            namespace=namespace,
            task=task,
            interval=interval,
        )
    ).parsed
