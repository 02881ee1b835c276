from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.db_error_body import DbErrorBody
from ...models.error_body import ErrorBody
from ...models.pop_response import PopResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    queue: str,
    *,
    consumer_group: str | Unset = UNSET,
    batch: int | Unset = UNSET,
    partitions: int | Unset = UNSET,
    wait: bool | Unset = UNSET,
    timeout: int | Unset = UNSET,
    auto_ack: bool | Unset = UNSET,
    subscription_mode: str | Unset = UNSET,
    subscription_from: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["consumerGroup"] = consumer_group

    params["batch"] = batch

    params["partitions"] = partitions

    params["wait"] = wait

    params["timeout"] = timeout

    params["autoAck"] = auto_ack

    params["subscriptionMode"] = subscription_mode

    params["subscriptionFrom"] = subscription_from

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/pop/queue/{queue}".format(
            queue=quote(str(queue), safe="!$&'()*+,;=:@"),
        ),
        "params": params,
    }

    return _kwargs


def request_kwargs(
    queue: str,
    *,
    consumer_group: str | Unset = UNSET,
    batch: int | Unset = UNSET,
    partitions: int | Unset = UNSET,
    wait: bool | Unset = UNSET,
    timeout: int | Unset = UNSET,
    auto_ack: bool | Unset = UNSET,
    subscription_mode: str | Unset = UNSET,
    subscription_from: str | Unset = UNSET,
) -> dict[str, Any]:
    """Build the `httpx` request arguments (`method`, `url`, and `params`, `json`, `headers` when
    used) for this operation, without sending anything.

    Returns:
        dict[str, Any]: keyword arguments for `httpx.Client.request` / `httpx.AsyncClient.request`.
    """
    return _get_kwargs(
        queue=queue,
        consumer_group=consumer_group,
        batch=batch,
        partitions=partitions,
        wait=wait,
        timeout=timeout,
        auto_ack=auto_ack,
        subscription_mode=subscription_mode,
        subscription_from=subscription_from,
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DbErrorBody | ErrorBody | PopResponse | None:
    if not response.content:
        # Queen sends empty bodies for empty results, 204 and CORS preflights.
        return None
    if response.status_code == 200:
        try:
            body = response.json()
        except ValueError:
            return None

        def _parse_response_200(data: object) -> DbErrorBody | ErrorBody | PopResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = PopResponse.from_dict(data)

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

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[DbErrorBody | ErrorBody | PopResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    queue: str,
    *,
    client: AuthenticatedClient | Client,
    consumer_group: str | Unset = UNSET,
    batch: int | Unset = UNSET,
    partitions: int | Unset = UNSET,
    wait: bool | Unset = UNSET,
    timeout: int | Unset = UNSET,
    auto_ack: bool | Unset = UNSET,
    subscription_mode: str | Unset = UNSET,
    subscription_from: str | Unset = UNSET,
) -> Response[DbErrorBody | ErrorBody | PopResponse]:
    """Pop from any partition of a queue

     Claims up to `partitions` partitions of the queue for the consumer group (a lease each)
    and returns up to `batch` messages in total, oldest first within each partition. With
    `wait=true` the request is held until messages arrive or `timeout` passes. "Nothing
    delivered" has several shapes, all 200 upstream: `success: false` with
    `error: no_available_partition`, a success body with an empty `messages`, or the long-poll
    timeout body (`partitionId` and `leaseId` null). In pop maintenance mode upstream answers
    204; newer brokers answer 204 with no body whenever nothing is delivered.

    Args:
        queue (str):
        consumer_group (str | Unset):  Default: '__QUEUE_MODE__'.
        batch (int | Unset):  Default: 1.
        partitions (int | Unset):  Default: 1.
        wait (bool | Unset):  Default: False.
        timeout (int | Unset):  Default: 30000.
        auto_ack (bool | Unset):  Default: False.
        subscription_mode (str | Unset):  Default: ''.
        subscription_from (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DbErrorBody | ErrorBody | PopResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        queue=queue,
        consumer_group=consumer_group,
        batch=batch,
        partitions=partitions,
        wait=wait,
        timeout=timeout,
        auto_ack=auto_ack,
        subscription_mode=subscription_mode,
        subscription_from=subscription_from,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    queue: str,
    *,
    client: AuthenticatedClient | Client,
    consumer_group: str | Unset = UNSET,
    batch: int | Unset = UNSET,
    partitions: int | Unset = UNSET,
    wait: bool | Unset = UNSET,
    timeout: int | Unset = UNSET,
    auto_ack: bool | Unset = UNSET,
    subscription_mode: str | Unset = UNSET,
    subscription_from: str | Unset = UNSET,
) -> DbErrorBody | ErrorBody | PopResponse | None:
    """Pop from any partition of a queue

     Claims up to `partitions` partitions of the queue for the consumer group (a lease each)
    and returns up to `batch` messages in total, oldest first within each partition. With
    `wait=true` the request is held until messages arrive or `timeout` passes. "Nothing
    delivered" has several shapes, all 200 upstream: `success: false` with
    `error: no_available_partition`, a success body with an empty `messages`, or the long-poll
    timeout body (`partitionId` and `leaseId` null). In pop maintenance mode upstream answers
    204; newer brokers answer 204 with no body whenever nothing is delivered.

    Args:
        queue (str):
        consumer_group (str | Unset):  Default: '__QUEUE_MODE__'.
        batch (int | Unset):  Default: 1.
        partitions (int | Unset):  Default: 1.
        wait (bool | Unset):  Default: False.
        timeout (int | Unset):  Default: 30000.
        auto_ack (bool | Unset):  Default: False.
        subscription_mode (str | Unset):  Default: ''.
        subscription_from (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DbErrorBody | ErrorBody | PopResponse | ErrorBody
    """

    return sync_detailed(
        queue=queue,
        client=client,
        consumer_group=consumer_group,
        batch=batch,
        partitions=partitions,
        wait=wait,
        timeout=timeout,
        auto_ack=auto_ack,
        subscription_mode=subscription_mode,
        subscription_from=subscription_from,
    ).parsed


async def asyncio_detailed(
    queue: str,
    *,
    client: AuthenticatedClient | Client,
    consumer_group: str | Unset = UNSET,
    batch: int | Unset = UNSET,
    partitions: int | Unset = UNSET,
    wait: bool | Unset = UNSET,
    timeout: int | Unset = UNSET,
    auto_ack: bool | Unset = UNSET,
    subscription_mode: str | Unset = UNSET,
    subscription_from: str | Unset = UNSET,
) -> Response[DbErrorBody | ErrorBody | PopResponse]:
    """Pop from any partition of a queue

     Claims up to `partitions` partitions of the queue for the consumer group (a lease each)
    and returns up to `batch` messages in total, oldest first within each partition. With
    `wait=true` the request is held until messages arrive or `timeout` passes. "Nothing
    delivered" has several shapes, all 200 upstream: `success: false` with
    `error: no_available_partition`, a success body with an empty `messages`, or the long-poll
    timeout body (`partitionId` and `leaseId` null). In pop maintenance mode upstream answers
    204; newer brokers answer 204 with no body whenever nothing is delivered.

    Args:
        queue (str):
        consumer_group (str | Unset):  Default: '__QUEUE_MODE__'.
        batch (int | Unset):  Default: 1.
        partitions (int | Unset):  Default: 1.
        wait (bool | Unset):  Default: False.
        timeout (int | Unset):  Default: 30000.
        auto_ack (bool | Unset):  Default: False.
        subscription_mode (str | Unset):  Default: ''.
        subscription_from (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DbErrorBody | ErrorBody | PopResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        queue=queue,
        consumer_group=consumer_group,
        batch=batch,
        partitions=partitions,
        wait=wait,
        timeout=timeout,
        auto_ack=auto_ack,
        subscription_mode=subscription_mode,
        subscription_from=subscription_from,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    queue: str,
    *,
    client: AuthenticatedClient | Client,
    consumer_group: str | Unset = UNSET,
    batch: int | Unset = UNSET,
    partitions: int | Unset = UNSET,
    wait: bool | Unset = UNSET,
    timeout: int | Unset = UNSET,
    auto_ack: bool | Unset = UNSET,
    subscription_mode: str | Unset = UNSET,
    subscription_from: str | Unset = UNSET,
) -> DbErrorBody | ErrorBody | PopResponse | None:
    """Pop from any partition of a queue

     Claims up to `partitions` partitions of the queue for the consumer group (a lease each)
    and returns up to `batch` messages in total, oldest first within each partition. With
    `wait=true` the request is held until messages arrive or `timeout` passes. "Nothing
    delivered" has several shapes, all 200 upstream: `success: false` with
    `error: no_available_partition`, a success body with an empty `messages`, or the long-poll
    timeout body (`partitionId` and `leaseId` null). In pop maintenance mode upstream answers
    204; newer brokers answer 204 with no body whenever nothing is delivered.

    Args:
        queue (str):
        consumer_group (str | Unset):  Default: '__QUEUE_MODE__'.
        batch (int | Unset):  Default: 1.
        partitions (int | Unset):  Default: 1.
        wait (bool | Unset):  Default: False.
        timeout (int | Unset):  Default: 30000.
        auto_ack (bool | Unset):  Default: False.
        subscription_mode (str | Unset):  Default: ''.
        subscription_from (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DbErrorBody | ErrorBody | PopResponse | ErrorBody
    """

    return (
        await asyncio_detailed(
            queue=queue,
            client=client,
            consumer_group=consumer_group,
            batch=batch,
            partitions=partitions,
            wait=wait,
            timeout=timeout,
            auto_ack=auto_ack,
            subscription_mode=subscription_mode,
            subscription_from=subscription_from,
        )
    ).parsed
