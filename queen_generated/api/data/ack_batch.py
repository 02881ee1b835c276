from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ack_batch_request import AckBatchRequest
from ...models.ack_result import AckResult
from ...models.db_error_body import DbErrorBody
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: AckBatchRequest | dict[str, Any] | list[Any],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ack/batch",
    }

    if isinstance(body, (dict, list)):
        _kwargs["json"] = body
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def request_kwargs(
    *,
    body: AckBatchRequest | dict[str, Any] | list[Any],
) -> dict[str, Any]:
    """Build the `httpx` request arguments (`method`, `url`, and `params`, `json`, `headers` when
    used) for this operation, without sending anything.

    `body` may be the generated model or plain JSON-ready data (`dict`/`list`), which is sent
    as given.

    Returns:
        dict[str, Any]: keyword arguments for `httpx.Client.request` / `httpx.AsyncClient.request`.
    """
    return _get_kwargs(
        body=body,
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DbErrorBody | ErrorBody | list[AckResult] | None:
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
        ) -> DbErrorBody | ErrorBody | list[AckResult]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                response_200_type_0 = []
                _response_200_type_0 = data
                for componentsschemas_ack_response_item_data in _response_200_type_0:
                    componentsschemas_ack_response_item = AckResult.from_dict(
                        componentsschemas_ack_response_item_data
                    )

                    response_200_type_0.append(componentsschemas_ack_response_item)

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
) -> Response[DbErrorBody | ErrorBody | list[AckResult]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AckBatchRequest,
) -> Response[DbErrorBody | ErrorBody | list[AckResult]]:
    """Acknowledge several messages

     Settles several messages in one call. The top-level `consumerGroup` applies to every
    item (per-item groups are ignored). Results come back in request order. Upstream never
    answers an empty `acknowledgments` array, so the schema requires at least one item.

    Args:
        body (AckBatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DbErrorBody | ErrorBody | list[AckResult] | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: AckBatchRequest,
) -> DbErrorBody | ErrorBody | list[AckResult] | None:
    """Acknowledge several messages

     Settles several messages in one call. The top-level `consumerGroup` applies to every
    item (per-item groups are ignored). Results come back in request order. Upstream never
    answers an empty `acknowledgments` array, so the schema requires at least one item.

    Args:
        body (AckBatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DbErrorBody | ErrorBody | list[AckResult] | ErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AckBatchRequest,
) -> Response[DbErrorBody | ErrorBody | list[AckResult]]:
    """Acknowledge several messages

     Settles several messages in one call. The top-level `consumerGroup` applies to every
    item (per-item groups are ignored). Results come back in request order. Upstream never
    answers an empty `acknowledgments` array, so the schema requires at least one item.

    Args:
        body (AckBatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DbErrorBody | ErrorBody | list[AckResult] | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AckBatchRequest,
) -> DbErrorBody | ErrorBody | list[AckResult] | None:
    """Acknowledge several messages

     Settles several messages in one call. The top-level `consumerGroup` applies to every
    item (per-item groups are ignored). Results come back in request order. Upstream never
    answers an empty `acknowledgments` array, so the schema requires at least one item.

    Args:
        body (AckBatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DbErrorBody | ErrorBody | list[AckResult] | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
