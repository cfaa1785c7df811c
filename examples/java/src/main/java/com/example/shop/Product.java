package com.example.shop;

public record Product(String sku, String title, long pricePence, int stock) {}
