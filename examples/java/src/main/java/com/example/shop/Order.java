package com.example.shop;

import java.time.Instant;

public record Order(long id, long ownerId, String status, long totalPence, Instant placedAt) {}
