"""Consent codes (purposes, channels, states) as people call them, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.consent_types import ConsentChannel, ConsentPurpose
from desktop.services.consents import ConsentState, ConsentView


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentWords", text)


def purpose_name(code: str) -> str:
    names = {
        ConsentPurpose.MARKETING_SMS.value: _tr("Marketing SMS"),
        ConsentPurpose.MARKETING_EMAIL.value: _tr("Marketing e-mail"),
        ConsentPurpose.MARKETING_WECHAT.value: _tr("Marketing WeChat messages"),
        ConsentPurpose.DELIVERY_PARTNER.value: _tr("Sharing with a delivery partner"),
        ConsentPurpose.MEMBERSHIP.value: _tr("Membership programme"),
        ConsentPurpose.SENSITIVE_DATA.value: _tr("Processing sensitive data (PIPL Art. 29)"),
        ConsentPurpose.CROSS_BORDER.value: _tr("Transfer abroad"),
        ConsentPurpose.OTHER.value: _tr("Other purpose"),
    }
    return names.get(code, code)


def channel_name(code: str) -> str:
    names = {
        ConsentChannel.COUNTER.value: _tr("Counter (paper form)"),
        ConsentChannel.ONLINE.value: _tr("Online"),
        ConsentChannel.PHONE.value: _tr("Phone"),
        ConsentChannel.WECHAT_MINI_PROGRAM.value: _tr("WeChat mini-program"),
        ConsentChannel.IMPORT.value: _tr("Import"),
    }
    return names.get(code, code)


def state_name(state: ConsentState) -> str:
    return {
        ConsentState.GRANTED: _tr("Granted"),
        ConsentState.REFUSED: _tr("Declined"),
        ConsentState.WITHDRAWN: _tr("Withdrawn"),
    }[state]


def granted_name(granted: bool) -> str:
    """How the history tab words the ``granted`` detail of a recorded consent."""
    return state_name(ConsentState.GRANTED if granted else ConsentState.REFUSED)


def consent_purpose(view: ConsentView) -> str:
    """The purpose as shown: the shop's own words for an "other" purpose."""
    if view.purpose == ConsentPurpose.OTHER.value and view.purpose_text:
        return view.purpose_text
    return purpose_name(view.purpose)
