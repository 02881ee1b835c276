from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metrics_response_cpu import MetricsResponseCpu
    from ..models.metrics_response_database import MetricsResponseDatabase
    from ..models.metrics_response_memory import MetricsResponseMemory
    from ..models.metrics_response_messages import MetricsResponseMessages
    from ..models.metrics_response_requests import MetricsResponseRequests


T = TypeVar("T", bound="MetricsResponse")


@_attrs_define
class MetricsResponse:
    """
    Attributes:
        uptime (float | Unset):
        requests (MetricsResponseRequests | Unset):
        messages (MetricsResponseMessages | Unset):
        database (MetricsResponseDatabase | Unset):
        memory (MetricsResponseMemory | Unset):
        cpu (MetricsResponseCpu | Unset):
    """

    uptime: float | Unset = UNSET
    requests: MetricsResponseRequests | Unset = UNSET
    messages: MetricsResponseMessages | Unset = UNSET
    database: MetricsResponseDatabase | Unset = UNSET
    memory: MetricsResponseMemory | Unset = UNSET
    cpu: MetricsResponseCpu | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        uptime = self.uptime

        requests: dict[str, Any] | Unset = UNSET
        if not isinstance(self.requests, Unset):
            requests = self.requests.to_dict()

        messages: dict[str, Any] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = self.messages.to_dict()

        database: dict[str, Any] | Unset = UNSET
        if not isinstance(self.database, Unset):
            database = self.database.to_dict()

        memory: dict[str, Any] | Unset = UNSET
        if not isinstance(self.memory, Unset):
            memory = self.memory.to_dict()

        cpu: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cpu, Unset):
            cpu = self.cpu.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if uptime is not UNSET:
            field_dict["uptime"] = uptime
        if requests is not UNSET:
            field_dict["requests"] = requests
        if messages is not UNSET:
            field_dict["messages"] = messages
        if database is not UNSET:
            field_dict["database"] = database
        if memory is not UNSET:
            field_dict["memory"] = memory
        if cpu is not UNSET:
            field_dict["cpu"] = cpu

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metrics_response_cpu import MetricsResponseCpu
        from ..models.metrics_response_database import MetricsResponseDatabase
        from ..models.metrics_response_memory import MetricsResponseMemory
        from ..models.metrics_response_messages import MetricsResponseMessages
        from ..models.metrics_response_requests import MetricsResponseRequests

        d = dict(src_dict)
        uptime = d.pop("uptime", UNSET)

        _requests = d.pop("requests", UNSET)
        requests: MetricsResponseRequests | Unset
        if isinstance(_requests, Unset):
            requests = UNSET
        else:
            requests = MetricsResponseRequests.from_dict(_requests)

        _messages = d.pop("messages", UNSET)
        messages: MetricsResponseMessages | Unset
        if isinstance(_messages, Unset):
            messages = UNSET
        else:
            messages = MetricsResponseMessages.from_dict(_messages)

        _database = d.pop("database", UNSET)
        database: MetricsResponseDatabase | Unset
        if isinstance(_database, Unset):
            database = UNSET
        else:
            database = MetricsResponseDatabase.from_dict(_database)

        _memory = d.pop("memory", UNSET)
        memory: MetricsResponseMemory | Unset
        if isinstance(_memory, Unset):
            memory = UNSET
        else:
            memory = MetricsResponseMemory.from_dict(_memory)

        _cpu = d.pop("cpu", UNSET)
        cpu: MetricsResponseCpu | Unset
        if isinstance(_cpu, Unset):
            cpu = UNSET
        else:
            cpu = MetricsResponseCpu.from_dict(_cpu)

        metrics_response = cls(
            uptime=uptime,
            requests=requests,
            messages=messages,
            database=database,
            memory=memory,
            cpu=cpu,
        )

        metrics_response.additional_properties = d
        return metrics_response

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
