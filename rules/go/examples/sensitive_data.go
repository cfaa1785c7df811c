// Examples for the go pack's sensitive-data rule.
package examples

import "time"

type PaymentCard struct {
	// expect: sensitive-data-field
	CardNumber string
	// expect: sensitive-data-field
	CVV string
	// ok: sensitive-data-field
	Last4 string
	// ok: sensitive-data-field
	Brand string
}

type Patient struct {
	Name string
	// expect: sensitive-data-field
	DateOfBirth time.Time
	// expect: sensitive-data-field
	SSN string
	// expect: sensitive-data-field
	NHSNumber string
}

type Camera struct {
	// ok: sensitive-data-field
	Pan float64
	// ok: sensitive-data-field
	CardTitle string
	// ok: sensitive-data-field
	SessionID string
}

// expect: sensitive-data-field
func ChargeCard(amount int64, cardNumber string) error { return nil }

// ok: sensitive-data-field
func ChargeOrder(amount int64, orderID string) error { return nil }
