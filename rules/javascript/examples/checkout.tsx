import { useState } from 'react';

// expect: payment-card-data
export function luhnValid(cardNumber: string): boolean {
  const digits = cardNumber.replace(/\D/g, '');
  return digits.length >= 12;
}

export interface SavedCard {
  brand: string;
  last4: string;
  // expect: payment-card-data
  expMonth: number;
}

export interface CardView {
  // ok: payment-card-data
  cardTitle: string;
  // ok: payment-card-data
  cardCount: number;
}

export function CardField({ onChange }: { onChange: (value: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <input
      // expect: payment-card-data
      autoComplete="cc-number"
      inputMode="numeric"
      value={value}
      onChange={(e) => {
        setValue(e.target.value);
        onChange(e.target.value);
      }}
    />
  );
}

export function SecurityCode() {
  // expect: payment-card-data
  return <input name="cvc" autoComplete="off" maxLength={4} />;
}

export function ProductCard({ title }: { title: string }) {
  // ok: payment-card-data
  return <div className="card" id="product-card" title={title} />;
}

export function AddressForm() {
  // ok: payment-card-data, identity-data
  return <input name="postcode" autoComplete="postal-code" />;
}

export function BirthdayField() {
  // expect: identity-data
  return <input type="date" autoComplete="bday" />;
}

export class Patient {
  // expect: identity-data
  dateOfBirth!: Date;
  // expect: health-data
  allergies: string[] = [];
  // expect: health-data
  diagnosis?: string;
  // ok: health-data, identity-data
  displayName = '';
}

export function renderStatus(status: string) {
  // ok: health-data
  const healthCheck = status === 'ok';
  return healthCheck ? 'up' : 'down';
}
