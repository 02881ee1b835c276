from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_counts import MessageCounts


T = TypeVar("T", bound="QueuePartition")


@_attrs_define
class QueuePartition:
    """
    Attributes:
        id (str | Unset):
        name (str | Unset):
        created_at (str | Unset):
        stats (MessageCounts | Unset): Message counts by derived status.
        oldest_message (None | str | Unset):
        newest_message (None | str | Unset):
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    created_at: str | Unset = UNSET
    stats: MessageCounts | Unset = UNSET
    oldest_message: None | str | Unset = UNSET
    newest_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        id = self.id

        name = self.name

        created_at = self.created_at

        stats: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stats, Unset):
            stats = self.stats.to_dict()

        oldest_message: None | str | Unset
        if isinstance(self.oldest_message, Unset):
            oldest_message = UNSET
        else:
            oldest_message = self.oldest_message

        newest_message: None | str | Unset
        if isinstance(self.newest_message, Unset):
            newest_message = UNSET
        else:
            newest_message = self.newest_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if stats is not UNSET:
            field_dict["stats"] = stats
        if oldest_message is not UNSET:
            field_dict["oldestMessage"] = oldest_message
        if newest_message is not UNSET:
            field_dict["newestMessage"] = newest_message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message_counts import MessageCounts

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        created_at = d.pop("createdAt", UNSET)

        _stats = d.pop("stats", UNSET)
        stats: MessageCounts | Unset
        if isinstance(_stats, Unset):
            stats = UNSET
        else:
            stats = MessageCounts.from_dict(_stats)

        def _parse_oldest_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        oldest_message = _parse_oldest_message(d.pop("oldestMessage", UNSET))

        def _parse_newest_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        newest_message = _parse_newest_message(d.pop("newestMessage", UNSET))

        queue_partition = cls(
            id=id,
            name=name,
            created_at=created_at,
            stats=stats,
            oldest_message=oldest_message,
            newest_message=newest_message,
        )

        queue_partition.additional_properties = d
        return queue_partition

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
