package com.example.shop;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

public final class CsvExporter {

    private static final String HEADER = "sku,title,price_pence,stock";

    public void write(List<Product> products, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (Product p : products) {
            out.write(String.join(",",
                escape(p.sku()), escape(p.title()),
                Long.toString(p.pricePence()), Integer.toString(p.stock())));
            out.write('\n');
        }
        out.flush();
    }

    static String escape(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    public String etag(List<Product> products) {
        return "W/\"" + Integer.toHexString(products.hashCode()) + "\"";
    }
}
