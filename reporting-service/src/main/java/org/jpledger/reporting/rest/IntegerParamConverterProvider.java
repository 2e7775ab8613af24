package org.jpledger.reporting.rest;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jpledger.support.problem.InvalidRequestException;

/**
 * Converts integer parameters ({@code int} and {@code long}) and names the parameter when the text is not a number:
 * Quarkus REST would otherwise answer {@code ?year=abc} with a bare 404 (the JAX-RS rule for query and path parameters)
 * instead of a 400 about {@code year}.
 */
@Provider
public class IntegerParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new IntegerConverter(nameOf(annotations));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new LongConverter(nameOf(annotations));
        }
        return null;
    }

    /** The name of the parameter the annotations declare, for the field error. */
    static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
            if (annotation instanceof MatrixParam matrix) {
                return matrix.value();
            }
            if (annotation instanceof CookieParam cookie) {
                return cookie.value();
            }
        }
        return "parameter";
    }

    /** Parses a whole number in decimal digits, nothing else. */
    private record IntegerConverter(String parameter) implements ParamConverter<Integer> {

        @Override
        public Integer fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw InvalidRequestException.of(parameter, "must be a whole number");
            }
        }

        @Override
        public String toString(Integer value) {
            return value == null ? null : value.toString();
        }
    }

    /** Parses a whole number in decimal digits, nothing else. */
    private record LongConverter(String parameter) implements ParamConverter<Long> {

        @Override
        public Long fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Long.valueOf(value);
            } catch (NumberFormatException e) {
                throw InvalidRequestException.of(parameter, "must be a whole number");
            }
        }

        @Override
        public String toString(Long value) {
            return value == null ? null : value.toString();
        }
    }
}
