# OpenSearch with the two analysis plugins Lodestone's index template uses.
ARG OPENSEARCH_VERSION=2.16.0
FROM opensearchproject/opensearch:${OPENSEARCH_VERSION}
RUN /usr/share/opensearch/bin/opensearch-plugin install --batch analysis-icu analysis-smartcn
