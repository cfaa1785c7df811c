package com.example.shop;

import java.util.List;
import java.util.Optional;

public interface OrderRepository {

    List<Order> findByOwnerId(long ownerId);

    Optional<Order> findById(long id);

    void markRefunded(long id);
}
