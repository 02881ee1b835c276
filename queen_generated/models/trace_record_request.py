from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="TraceRecordRequest")


@_attrs_define
class TraceRecordRequest:
    """
    Attributes:
        transaction_id (str):
        partition_id (str):
        data (Any): Any JSON value (required; may be null).
        consumer_group (str | Unset):  Default: '__QUEUE_MODE__'.
        event_type (str | Unset): Free text up to 100 characters, e.g. `info`, `step`, `error`, `processing`, `warning`.
            Default: 'info'.
        trace_names (list[str] | str | Unset): One name or a list of names to tag the event with.
    """

    transaction_id: str
    partition_id: str
    data: Any
    consumer_group: str | Unset = "__QUEUE_MODE__"
    event_type: str | Unset = "info"
    trace_names: list[str] | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        transaction_id = self.transaction_id

        partition_id = self.partition_id

        data = self.data

        consumer_group = self.consumer_group

        event_type = self.event_type

        trace_names: list[str] | str | Unset
        if isinstance(self.trace_names, Unset):
            trace_names = UNSET
        elif isinstance(self.trace_names, list):
            trace_names = self.trace_names

        else:
            trace_names = self.trace_names

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "transactionId": transaction_id,
                "partitionId": partition_id,
                "data": data,
            }
        )
        if consumer_group is not UNSET:
            field_dict["consumerGroup"] = consumer_group
        if event_type is not UNSET:
            field_dict["eventType"] = event_type
        if trace_names is not UNSET:
            field_dict["traceNames"] = trace_names

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        transaction_id = d.pop("transactionId")

        partition_id = d.pop("partitionId")

        data = d.pop("data")

        consumer_group = d.pop("consumerGroup", UNSET)

        event_type = d.pop("eventType", UNSET)

        def _parse_trace_names(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                trace_names_type_1 = cast(list[str], data)

                return trace_names_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        trace_names = _parse_trace_names(d.pop("traceNames", UNSET))

        trace_record_request = cls(
            transaction_id=transaction_id,
            partition_id=partition_id,
            data=data,
            consumer_group=consumer_group,
            event_type=event_type,
            trace_names=trace_names,
        )

        trace_record_request.additional_properties = d
        return trace_record_request

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
