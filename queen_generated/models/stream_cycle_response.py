from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.push_result import PushResult
    from ..models.stream_ack_result import StreamAckResult


T = TypeVar("T", bound="StreamCycleResponse")


@_attrs_define
class StreamCycleResponse:
    """
    Attributes:
        success (bool):
        query_id (str):
        partition_id (str):
        error (str | Unset): Why the cycle was rolled back.
        queue_name (None | str | Unset):
        state_ops_applied (int | Unset):
        state_version (int | Unset): queen_server extension, answered to requests with `expect_version` or `cycle_id`.
        replayed (bool | Unset): queen_server extension. The cycle with this `cycle_id` had been applied already.
        push_results (list[PushResult] | Unset):
        ack_result (None | StreamAckResult | Unset):
    """

    success: bool
    query_id: str
    partition_id: str
    error: str | Unset = UNSET
    queue_name: None | str | Unset = UNSET
    state_ops_applied: int | Unset = UNSET
    state_version: int | Unset = UNSET
    replayed: bool | Unset = UNSET
    push_results: list[PushResult] | Unset = UNSET
    ack_result: None | StreamAckResult | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stream_ack_result import StreamAckResult

        success = self.success

        query_id = self.query_id

        partition_id = self.partition_id

        error = self.error

        queue_name: None | str | Unset
        if isinstance(self.queue_name, Unset):
            queue_name = UNSET
        else:
            queue_name = self.queue_name

        state_ops_applied = self.state_ops_applied

        state_version = self.state_version

        replayed = self.replayed

        push_results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.push_results, Unset):
            push_results = []
            for push_results_item_data in self.push_results:
                push_results_item = push_results_item_data.to_dict()
                push_results.append(push_results_item)

        ack_result: dict[str, Any] | None | Unset
        if isinstance(self.ack_result, Unset):
            ack_result = UNSET
        elif isinstance(self.ack_result, StreamAckResult):
            ack_result = self.ack_result.to_dict()
        else:
            ack_result = self.ack_result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "query_id": query_id,
                "partition_id": partition_id,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if queue_name is not UNSET:
            field_dict["queueName"] = queue_name
        if state_ops_applied is not UNSET:
            field_dict["state_ops_applied"] = state_ops_applied
        if state_version is not UNSET:
            field_dict["state_version"] = state_version
        if replayed is not UNSET:
            field_dict["replayed"] = replayed
        if push_results is not UNSET:
            field_dict["push_results"] = push_results
        if ack_result is not UNSET:
            field_dict["ack_result"] = ack_result

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.push_result import PushResult
        from ..models.stream_ack_result import StreamAckResult

        d = dict(src_dict)
        success = d.pop("success")

        query_id = d.pop("query_id")

        partition_id = d.pop("partition_id")

        error = d.pop("error", UNSET)

        def _parse_queue_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        queue_name = _parse_queue_name(d.pop("queueName", UNSET))

        state_ops_applied = d.pop("state_ops_applied", UNSET)

        state_version = d.pop("state_version", UNSET)

        replayed = d.pop("replayed", UNSET)

        _push_results = d.pop("push_results", UNSET)
        push_results: list[PushResult] | Unset = UNSET
        if _push_results is not UNSET:
            push_results = []
            for push_results_item_data in _push_results:
                push_results_item = PushResult.from_dict(push_results_item_data)

                push_results.append(push_results_item)

        def _parse_ack_result(data: object) -> None | StreamAckResult | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ack_result_type_0 = StreamAckResult.from_dict(data)

                return ack_result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StreamAckResult | Unset, data)

        ack_result = _parse_ack_result(d.pop("ack_result", UNSET))

        stream_cycle_response = cls(
            success=success,
            query_id=query_id,
            partition_id=partition_id,
            error=error,
            queue_name=queue_name,
            state_ops_applied=state_ops_applied,
            state_version=state_version,
            replayed=replayed,
            push_results=push_results,
            ack_result=ack_result,
        )

        stream_cycle_response.additional_properties = d
        return stream_cycle_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
