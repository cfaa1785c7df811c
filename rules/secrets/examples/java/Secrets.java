package com.example.shop;

public class Secrets {
    // expect: hard-coded-secret
    private static final String SLACK_TOKEN = "xoxb-123456789012-abcdefghijkl";
    // expect: hard-coded-secret
    private static final String CLIENT_SECRET = "hG7kP2xQ9mV4rL8tZ1wB6nY3cJ5dF0sA";
    // ok: hard-coded-secret
    private static final String CLIENT_SECRET_PROPERTY = "shop.oauth.client-secret";
    // ok: hard-coded-secret
    private static final String TOKEN_HEADER = "Authorization";
    // expect: hard-coded-password
    private static final String KEYSTORE_PASSWORD = "st0repass1";
    // ok: hard-coded-password
    private static final String DEFAULT_PASSWORD = "changeme";

    String jdbc() {
        // expect: hard-coded-password
        String password = "Spring2025x";
        // ok: hard-coded-password
        String passwordField = "password";
        return password + passwordField;
    }
}
