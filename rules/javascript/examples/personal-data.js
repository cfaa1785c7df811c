'use strict';

function saveApplicant(db, form) {
  return db.applicants.insert({
    name: form.name,
    // expect: identity-data
    ssn: form.ssn,
    // expect: identity-data
    passportNumber: form.passport,
    // ok: identity-data
    sessionId: form.sessionId,
  });
}

// expect: identity-data
function ageFrom(dob) {
  return Math.floor((Date.now() - dob.getTime()) / 31557600000);
}

// ok: identity-data
function dobLabel(locale) {
  return locale === 'en-US' ? 'Date of birth (MM/DD/YYYY)' : 'Date of birth';
}

function recordVisit(api, visit) {
  return api.post('/visits', {
    patientId: visit.patientId,
    // expect: health-data
    medications: visit.medications,
    // expect: health-data
    symptoms: visit.symptoms,
  });
}

function healthz(res) {
  // ok: health-data
  res.json({ status: 'ok', uptime: process.uptime() });
}

function chargeCard(stripe, body) {
  return stripe.paymentMethods.create({
    type: 'card',
    card: {
      // expect: payment-card-data
      number: body.number,
      // expect: payment-card-data
      cvc: body.cvc,
    },
  });
}

function updateBank(user, details) {
  // expect: payment-card-data
  const iban = details.iban.replace(/\s+/g, '');
  return { ...user, ibanLast4: iban.slice(-4) };
}

function cardLayout(cards) {
  // ok: payment-card-data
  const cardGap = 16;
  return cards.map((card, i) => ({ ...card, x: i * cardGap }));
}

module.exports = { saveApplicant, ageFrom, dobLabel, recordVisit, healthz, chargeCard, updateBank, cardLayout };
