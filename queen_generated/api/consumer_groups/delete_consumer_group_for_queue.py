from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.consumer_group_delete_response import ConsumerGroupDeleteResponse
from ...models.db_error_body import DbErrorBody
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    group: str,
    queue: str,
    *,
    delete_metadata: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["deleteMetadata"] = delete_metadata

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/consumer-groups/{group}/queues/{queue}".format(
            group=quote(str(group), safe="!$&'()*+,;=:@"),
            queue=quote(str(queue), safe="!$&'()*+,;=:@"),
        ),
        "params": params,
    }

    return _kwargs


def request_kwargs(
    group: str,
    queue: str,
    *,
    delete_metadata: bool | Unset = UNSET,
) -> dict[str, Any]:
    """Build the `httpx` request arguments (`method`, `url`, and `params`, `json`, `headers` when
    used) for this operation, without sending anything.

    Returns:
        dict[str, Any]: keyword arguments for `httpx.Client.request` / `httpx.AsyncClient.request`.
    """
    return _get_kwargs(
        group=group,
        queue=queue,
        delete_metadata=delete_metadata,
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConsumerGroupDeleteResponse | DbErrorBody | ErrorBody | None:
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
        ) -> ConsumerGroupDeleteResponse | DbErrorBody | ErrorBody:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ConsumerGroupDeleteResponse.from_dict(data)

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
) -> Response[ConsumerGroupDeleteResponse | DbErrorBody | ErrorBody]:
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
    delete_metadata: bool | Unset = UNSET,
) -> Response[ConsumerGroupDeleteResponse | DbErrorBody | ErrorBody]:
    """Delete a consumer group on one queue

     Like `delete_consumer_group`, restricted to one queue.

    Args:
        group (str):
        queue (str):
        delete_metadata (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsumerGroupDeleteResponse | DbErrorBody | ErrorBody | ErrorBody]
    """

    kwargs = _get_kwargs(
        group=group,
        queue=queue,
        delete_metadata=delete_metadata,
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
    delete_metadata: bool | Unset = UNSET,
) -> ConsumerGroupDeleteResponse | DbErrorBody | ErrorBody | None:
    """Delete a consumer group on one queue

     Like `delete_consumer_group`, restricted to one queue.

    Args:
        group (str):
        queue (str):
        delete_metadata (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsumerGroupDeleteResponse | DbErrorBody | ErrorBody | ErrorBody
    """

    return sync_detailed(
        group=group,
        queue=queue,
        client=client,
        delete_metadata=delete_metadata,
    ).parsed


async def asyncio_detailed(
    group: str,
    queue: str,
    *,
    client: AuthenticatedClient | Client,
    delete_metadata: bool | Unset = UNSET,
) -> Response[ConsumerGroupDeleteResponse | DbErrorBody | ErrorBody]:
    """Delete a consumer group on one queue

     Like `delete_consumer_group`, restricted to one queue.

    Args:
        group (str):
        queue (str):
        delete_metadata (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsumerGroupDeleteResponse | DbErrorBody | ErrorBody | ErrorBody]
    """

    kwargs = _get_kwargs(
        group=group,
        queue=queue,
        delete_metadata=delete_metadata,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    group: str,
    queue: str,
    *,
    client: AuthenticatedClient | Client,
    delete_metadata: bool | Unset = UNSET,
) -> ConsumerGroupDeleteResponse | DbErrorBody | ErrorBody | None:
    """Delete a consumer group on one queue

     Like `delete_consumer_group`, restricted to one queue.

    Args:
        group (str):
        queue (str):
        delete_metadata (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsumerGroupDeleteResponse | DbErrorBody | ErrorBody | ErrorBody
    """

    return (
        await asyncio_detailed(
            group=group,
            queue=queue,
            client=client,
            delete_metadata=delete_metadata,
        )
    ).parsed
