package org.jpledger.reporting.rest;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jpledger.support.problem.InvalidRequestException;

/**
 * Converts flag parameters ({@code boolean}) and names the parameter when the text is neither true nor false: Quarkus
 * REST would otherwise read {@code ?bom=yes} as false (Boolean.valueOf) and answer a file the caller did not ask for.
 */
@Provider
public class BooleanParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new BooleanConverter(IntegerParamConverterProvider.nameOf(annotations));
        }
        return null;
    }

    /** Parses true or false, in any case, nothing else. */
    private record BooleanConverter(String parameter) implements ParamConverter<Boolean> {

        @Override
        public Boolean fromString(String value) {
            if (value == null) {
                return null;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.valueOf(value);
            }
            throw InvalidRequestException.of(parameter, "must be true or false");
        }

        @Override
        public String toString(Boolean value) {
            return value == null ? null : value.toString();
        }
    }
}
