// Examples for the java pack's sensitive-data rule.
package examples;

import java.time.LocalDate;

public class SensitiveData {

    static final class PaymentCard {
        // expect: sensitive-data-field
        private String cardNumber;
        // expect: sensitive-data-field
        private String cvv;
        // ok: sensitive-data-field
        private String last4;
        // ok: sensitive-data-field
        private String brand;
    }

    static final class Patient {
        // expect: sensitive-data-field
        private LocalDate dateOfBirth;
        // expect: sensitive-data-field
        private String ssn;
        // ok: sensitive-data-field
        private String displayName;
    }

    // expect: sensitive-data-field
    String maskCard(String cardNumber) {
        return "**** " + cardNumber.substring(cardNumber.length() - 4);
    }

    // ok: sensitive-data-field
    String cardTitle(String title) {
        return title.trim();
    }

    // ok: sensitive-data-field
    String sessionLabel(String sessionId) {
        return "session " + sessionId;
    }
}
