package com.bulkupload.e2e.top;

import com.taobao.api.ApiRuleException;
import com.taobao.api.BaseTaobaoRequest;
import com.taobao.api.internal.util.TaobaoHashMap;
import java.util.Map;

/** taobao.opencrm.crowdanalysis.update, written as TOP's SDK generator writes a request class. */
public class CrowdAnalysisUpdateRequest extends BaseTaobaoRequest<CrowdAnalysisUpdateResponse> {

    private String operation;
    private String taskDto;

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getOperation() {
        return operation;
    }

    public void setTaskDto(String taskDto) {
        this.taskDto = taskDto;
    }

    public String getTaskDto() {
        return taskDto;
    }

    @Override
    public String getApiMethodName() {
        return "taobao.opencrm.crowdanalysis.update";
    }

    @Override
    public Map<String, String> getTextParams() {
        TaobaoHashMap params = new TaobaoHashMap();
        params.put("operation", operation);
        params.put("task_dto", taskDto);
        if (udfParams != null) {
            params.putAll(udfParams);
        }
        return params;
    }

    @Override
    public Class<CrowdAnalysisUpdateResponse> getResponseClass() {
        return CrowdAnalysisUpdateResponse.class;
    }

    @Override
    public void check() throws ApiRuleException {
    }
}
