from dataclasses import dataclass

from django.db import models


# expect: payment-card-data-name, stored-card-detail-name
def card_from_pan(pan, exp_month, exp_year):
    return pan[-4:]


# expect: payment-card-data-name
def mask_card_number(card_number):
    return "*" * 12 + card_number[-4:]


class Payment(models.Model):
    # expect: payment-card-data-name
    cvv = models.CharField(max_length=4)
    # expect: stored-card-detail-name
    card_last4 = models.CharField(max_length=4)
    # ok: payment-card-data-name, stored-card-detail-name
    amount_pence = models.IntegerField()
    # ok: stored-card-detail-name
    brand_colour = models.CharField(max_length=7)


@dataclass
class StoredCard:
    # expect: stored-card-detail-name
    last4: str
    # ok: payment-card-data-name
    panel_title: str
    # ok: payment-card-data-name
    company: str


def pan_camera(pan_x, span):
    # ok: payment-card-data-name
    expanded = span * 2
    return pan_x + expanded


def record_payment(order, intent):
    # expect: stored-card-detail-name
    order.card_last4 = intent["card"]["last4"]


class Patient(models.Model):
    # expect: health-data-name
    diagnosis = models.TextField()
    # expect: health-data-name
    nhs_number = models.CharField(max_length=10)
    # expect: identity-data-name
    date_of_birth = models.DateField()
    # ok: health-data-name, identity-data-name
    display_name = models.CharField(max_length=100)


# expect: health-data-name
def add_prescription(patient, medication, dose):
    return patient, medication, dose


# ok: health-data-name
def diagnose_build(failure_log):
    return failure_log


# ok: health-data-name, identity-data-name
def session_id_for(request, symptom_checker_url, birthday_banner):
    return request, symptom_checker_url, birthday_banner


# expect: identity-data-name
def verify_identity(user, ssn, passport_number):
    return user, ssn, passport_number


# ok: identity-data-name
def tax_rate(tax_band, dob_format="%Y"):
    return tax_band, dob_format
